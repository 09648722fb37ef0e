/**
 * @module The Room Durable Object: one per call. It owns the call's sockets through the WebSocket
 * Hibernation API, so an idle call costs nothing, and turns each frame into sends; the decisions
 * are in roster.ts, relay.ts and throttle.ts.
 */
import { DurableObject } from 'cloudflare:workers'
import { randomId } from '../../../shared/protocol/ids'
import {
  HEARTBEAT_PING,
  HEARTBEAT_PONG,
  ROOM_CLOSE_CODES,
  parseClientMessage,
  type ClientMessage,
  type MediaState,
  type Peer,
  type ServerMessage,
} from '../../../shared/protocol/signalling'
import type { Env } from '../env'
import { errorBody } from '../http/errors'
import { closeSocket, readSocket, sendError, sendFrame, writeSocket, type JoinedSocket } from './peerSocket'
import { planRelay } from './relay'
import { issueResumeToken, tokenMatches } from './resumeToken'
import { addChat, listAway, putAway, queueForAway, readChat, removeAway, type AwayPeer } from './roomStorage'
import { SWEEP_INTERVAL_MS, decideClose, decideJoin, lastSeenMs, parseCapacity, sweep, type Resumable } from './roster'
import { frameCost, makeBucket, take, type Bucket } from './throttle'

type Join = Extract<ClientMessage, { type: 'join' }>

const LAST_FRAME_RESOLUTION_MS = 1_000
const NO_ONE: ReadonlySet<string> = new Set()

export class Room extends DurableObject<Env> {
  /**
   * Flood buckets live in memory only: the object hibernates only after it has been idle, by
   * which time every bucket would have refilled to full anyway.
   */
  private readonly buckets = new WeakMap<WebSocket, Bucket>()
  /**
   * Joined peers' sockets by peer id, so relaying a frame reads no attachments. Rebuilt from the
   * attachments after a wake; dropped whenever someone joins or a socket is let go.
   */
  private connectedCache: Map<string, WebSocket> | undefined

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env)
    // Heartbeats are answered by the runtime without waking the room; the alarm reads when.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(HEARTBEAT_PING, HEARTBEAT_PONG))
  }

  /** For `/health`: the Durable Object namespace answers. */
  ping(): 'pong' {
    return 'pong'
  }

  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get('Upgrade')?.toLowerCase() !== 'websocket') {
      return Response.json(errorBody('bad-request', 'Open this path as a WebSocket.'), { status: 426, headers: { Upgrade: 'websocket' } })
    }
    const { 0: client, 1: server } = new WebSocketPair()
    this.ctx.acceptWebSocket(server)
    writeSocket(server, { phase: 'pending', lastFrameAtMs: Date.now() })
    // Sockets that never join still hold memory: allow room for reconnect races, not a hoard.
    if (this.ctx.getWebSockets().length > 2 * this.capacity) this.refuseFull(server)
    else await this.ensureAlarm()
    return new Response(null, { status: 101, webSocket: client })
  }

  override async webSocketMessage(ws: WebSocket, raw: string | ArrayBuffer): Promise<void> {
    const state = readSocket(ws)
    if (state.phase === 'closing') return
    const nowMs = Date.now()
    if (!this.admit(ws, nowMs, typeof raw === 'string' ? raw.length : raw.byteLength)) return
    const parsed = parseClientMessage(raw)
    if (!parsed.ok) return sendError(ws, parsed.error.code, parsed.error.message)
    const message = parsed.value
    if (state.phase === 'pending') {
      if (message.type !== 'join') return sendError(ws, 'not-joined', 'Send join first.')
      // One join at a time, so two newcomers cannot both take the last place. A failure here
      // must not escape: blockConcurrencyWhile resets the whole room when its callback throws.
      return this.ctx.blockConcurrencyWhile(() =>
        this.join(ws, message).catch((e: unknown) => {
          console.error('room: join failed', e)
          this.release(ws, 1011, 'internal error')
        }),
      )
    }
    // Liveness needs a resolution of seconds against a 15 s timeout, not a write per frame.
    const touched = { ...state, lastFrameAtMs: nowMs }
    if (nowMs - state.lastFrameAtMs >= LAST_FRAME_RESOLUTION_MS) writeSocket(ws, touched)
    const self: JoinedSocket = { ws, state: touched }
    switch (message.type) {
      case 'join':
        return sendError(ws, 'already-joined', 'This socket has joined already.')
      case 'signal':
      case 'caption':
        return this.relay(self, message)
      case 'chat':
        return this.chat(self, message.text, nowMs)
      case 'state': {
        writeSocket(ws, { ...touched, peer: { ...state.peer, state: message.state } })
        return this.broadcast({ type: 'state', peerId: state.peer.id, state: message.state }, ws)
      }
      case 'leave':
        this.release(ws, ROOM_CLOSE_CODES.left, 'left')
        this.broadcast({ type: 'peer-left', peerId: state.peer.id, reason: 'left' })
        return this.settle()
      default:
        return assertNever(message)
    }
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    await this.dropped(ws, code)
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    await this.dropped(ws, 1006)
  }

  override async alarm(): Promise<void> {
    const nowMs = Date.now()
    const open = this.openSockets()
    const away = await listAway(this.ctx.storage)
    const { silent, expired } = sweep({
      nowMs,
      sockets: open.map((ws) => {
        const s = readSocket(ws)
        const lastFrameAtMs = s.phase === 'closing' ? 0 : s.lastFrameAtMs
        return { key: ws, lastSeenAtMs: lastSeenMs(lastFrameAtMs, this.ctx.getWebSocketAutoResponseTimestamp(ws)) }
      }),
      away: away.map((a) => ({ peerId: a.peer.id, awaySinceMs: a.awaySinceMs })),
    })
    for (const ws of silent) {
      const state = readSocket(ws)
      this.release(ws, ROOM_CLOSE_CODES.timeout, 'no heartbeat')
      if (state.phase === 'joined') this.broadcast({ type: 'peer-left', peerId: state.peer.id, reason: 'timeout' })
    }
    for (const peerId of expired) {
      await removeAway(this.ctx.storage, peerId)
      this.broadcast({ type: 'peer-left', peerId, reason: 'timeout' })
    }
    await this.settle({ inAlarm: true })
  }

  private get capacity(): number {
    return parseCapacity(this.env.ROOM_CAPACITY)
  }

  /** Applies the socket's flood bucket; false when the frame must be dropped. */
  private admit(ws: WebSocket, nowMs: number, bytes: number): boolean {
    const { bucket, verdict } = take(this.buckets.get(ws) ?? makeBucket(nowMs), nowMs, frameCost(bytes))
    this.buckets.set(ws, bucket)
    switch (verdict) {
      case 'pass':
        return true
      case 'drop':
        return false
      case 'warn':
        sendError(ws, 'rate-limited', 'Too many messages; some were dropped. Slow down.')
        return false
      case 'close': {
        const state = readSocket(ws)
        this.release(ws, ROOM_CLOSE_CODES.flooding, 'flooding')
        if (state.phase === 'joined') this.broadcast({ type: 'peer-left', peerId: state.peer.id, reason: 'left' })
        return false
      }
      default:
        return assertNever(verdict)
    }
  }

  private async join(ws: WebSocket, message: Join): Promise<void> {
    const nowMs = Date.now()
    const others = this.joinedSockets().filter((s) => s.ws !== ws)
    const away = await listAway(this.ctx.storage)
    const { resumable, previous } = await this.findResumable(message, others, away)
    const decision = decideJoin({ resumable, peerCount: others.length + away.length, capacity: this.capacity })
    if (decision.kind === 'full') return this.refuseFull(ws)

    let peer: Peer = { id: randomId(), name: message.name, joinedAt: nowMs, state: message.state, ...(message.avatarUrl && { avatarUrl: message.avatarUrl }) }
    let stateBefore = message.state
    let queued: ServerMessage[] = []
    if (previous && 'ws' in previous) {
      // The same person on a new socket: the old one is a leftover from a dropped connection.
      this.release(previous.ws, ROOM_CLOSE_CODES.replaced, 'resumed on another socket')
      stateBefore = previous.state.peer.state
      peer = { ...previous.state.peer, state: message.state }
    } else if (previous) {
      await removeAway(this.ctx.storage, previous.peer.id)
      stateBefore = previous.peer.state
      peer = { ...previous.peer, state: message.state }
      queued = previous.queued
    }

    const { token, hash } = await issueResumeToken()
    writeSocket(ws, { phase: 'joined', peer, tokenHash: hash, lastFrameAtMs: nowMs })
    this.connectedCache = undefined
    const present = [...others.filter((s) => s.state.peer.id !== peer.id).map((s) => s.state.peer), ...away.filter((a) => a.peer.id !== peer.id).map((a) => a.peer)]
    sendFrame(ws, { type: 'welcome', peerId: peer.id, resumeToken: token, peers: present, chat: await readChat(this.ctx.storage) })
    for (const frame of queued) sendFrame(ws, frame)
    if (decision.kind === 'new') this.broadcast({ type: 'peer-joined', peer }, ws)
    else if (!sameState(stateBefore, peer.state)) this.broadcast({ type: 'state', peerId: peer.id, state: peer.state }, ws)
    await this.ensureAlarm()
  }

  private async findResumable(
    message: Join,
    joined: JoinedSocket[],
    away: AwayPeer[],
  ): Promise<{ resumable: Resumable; previous?: JoinedSocket | AwayPeer }> {
    const resume = message.resume
    if (!resume) return { resumable: null }
    const live = joined.find((s) => s.state.peer.id === resume.peerId)
    if (live && (await tokenMatches(resume.token, live.state.tokenHash))) return { resumable: 'connected', previous: live }
    const gone = away.find((a) => a.peer.id === resume.peerId)
    if (gone && (await tokenMatches(resume.token, gone.tokenHash))) return { resumable: 'away', previous: gone }
    return { resumable: null }
  }

  private refuseFull(ws: WebSocket): void {
    sendError(ws, 'room-full', `This call is full (${this.capacity} people).`)
    this.release(ws, ROOM_CLOSE_CODES.roomFull, 'room full')
  }

  private async relay(self: JoinedSocket, message: Extract<ClientMessage, { type: 'signal' | 'caption' }>): Promise<void> {
    const connected = this.connected()
    // Storage is read only for a target that is not connected, not on the hot path.
    const lookAway = message.to !== undefined && !connected.has(message.to)
    const away = lookAway ? new Set((await listAway(this.ctx.storage)).map((a) => a.peer.id)) : NO_ONE
    const plan = planRelay(message, self.state.peer.id, { connected: new Set(connected.keys()), away })
    switch (plan.kind) {
      case 'send':
        for (const id of plan.to) sendFrame(connected.get(id)!, plan.frame)
        return
      case 'queue':
        if (!(await queueForAway(this.ctx.storage, plan.to, plan.frame))) {
          sendError(self.ws, 'rate-limited', `Peer ${plan.to} is reconnecting and has too many messages waiting.`)
        }
        return
      case 'none':
        return
      case 'refuse':
        return sendError(self.ws, plan.code, plan.message)
      default:
        return assertNever(plan)
    }
  }

  private async chat(self: JoinedSocket, text: string, nowMs: number): Promise<void> {
    const message = { id: randomId(), from: self.state.peer.id, name: self.state.peer.name, text, at: nowMs }
    await addChat(this.ctx.storage, message)
    this.broadcast({ type: 'chat', message })
  }

  /** A socket closed or failed under the room; `leave` and refusals were handled already. */
  private async dropped(ws: WebSocket, code: number): Promise<void> {
    const state = readSocket(ws)
    this.release(ws, 1000, 'closed')
    if (state.phase === 'joined') {
      if (decideClose(code) === 'leave') {
        this.broadcast({ type: 'peer-left', peerId: state.peer.id, reason: 'left' })
      } else {
        await putAway(this.ctx.storage, { peer: state.peer, tokenHash: state.tokenHash, awaySinceMs: Date.now(), queued: [] })
      }
    }
    await this.settle()
  }

  /**
   * Once no peer is left (none joined, none away) the call is over: its chat and everything else
   * it stored is deleted. The alarm runs only while sockets are open or peers may come back.
   */
  private async settle(opts: { inAlarm?: boolean } = {}): Promise<void> {
    const open = this.openSockets()
    const hasPeers = open.some((ws) => readSocket(ws).phase === 'joined') || (await listAway(this.ctx.storage)).length > 0
    if (!hasPeers) await this.ctx.storage.deleteAll()
    if (open.length === 0 && !hasPeers) {
      await this.ctx.storage.deleteAlarm()
    } else if (opts.inAlarm) {
      // Inside alarm() the alarm that is running still counts as set; schedule the next one.
      await this.ctx.storage.setAlarm(Date.now() + SWEEP_INTERVAL_MS)
    } else {
      await this.ensureAlarm()
    }
  }

  private async ensureAlarm(): Promise<void> {
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now() + SWEEP_INTERVAL_MS)
  }

  private openSockets(): WebSocket[] {
    return this.ctx.getWebSockets().filter((ws) => readSocket(ws).phase !== 'closing')
  }

  private joinedSockets(): JoinedSocket[] {
    const out: JoinedSocket[] = []
    for (const ws of this.ctx.getWebSockets()) {
      const state = readSocket(ws)
      if (state.phase === 'joined') out.push({ ws, state })
    }
    return out
  }

  private connected(): Map<string, WebSocket> {
    this.connectedCache ??= new Map(this.joinedSockets().map((s) => [s.state.peer.id, s.ws]))
    return this.connectedCache
  }

  /** Lets go of a socket: closes it and forgets it as anyone's connection. */
  private release(ws: WebSocket, code: number, reason: string): void {
    closeSocket(ws, code, reason)
    this.connectedCache = undefined
  }

  private broadcast(frame: ServerMessage, except?: WebSocket): void {
    for (const ws of this.connected().values()) if (ws !== except) sendFrame(ws, frame)
  }
}

const sameState = (a: MediaState, b: MediaState) => a.audio === b.audio && a.video === b.video && a.captions === b.captions

function assertNever(x: never): never {
  throw new Error(`unhandled ${JSON.stringify(x)}`)
}
