/**
 * @module The room socket: joins, keeps the socket alive with heartbeats, reconnects with backoff
 * and rejoins as the same peer (`resume`), and hands every server frame on only after
 * `parseServerMessage` accepted it. Not reactive; `createSignalling` ties it to a component.
 */
import {
  HEARTBEAT_INTERVAL_MS,
  HEARTBEAT_PING,
  HEARTBEAT_PONG,
  ROOM_CLOSE_CODES,
  parseServerMessage,
  type ClientMessage,
  type MediaState,
  type ServerMessage,
} from '../../../shared/protocol/signalling'
import { reconnectDelayMs } from './backoff'
import { CallError } from './errors'

export type SignallingStatus = 'connecting' | 'open' | 'reconnecting' | 'closed'
export type Welcome = Extract<ServerMessage, { type: 'welcome' }>
/** Every server message except the two this module consumes itself. */
export type RoomMessage = Exclude<ServerMessage, { type: 'welcome' | 'error' }>

export type SignallingOptions = {
  /** `ws(s)://host/rooms/<id>/socket` */
  url: string
  /** A socket `preconnect` opened already; used for the first join instead of a new one. */
  socket?: WebSocket | null
  /** Read at every (re)join, so a rejoin announces the current name and media state. */
  joinAs: () => { name: string; state: MediaState }
  /** `resumed` is true when the room took us back as the same peer after a dropped socket. */
  onWelcome: (welcome: Welcome, resumed: boolean) => void
  onMessage: (message: RoomMessage) => void
  onStatus: (status: SignallingStatus) => void
  /**
   * Error frames from the room. `room-full`, and a close saying another socket took this peer over
   * (`replaced`), also end the session: no reconnect follows.
   */
  onError: (error: CallError) => void
}

export type Signalling = {
  /** Sends now when joined; otherwise queues until the next welcome. */
  send: (message: Exclude<ClientMessage, { type: 'join' | 'leave' }>) => void
  /** Says goodbye to the room and closes for good. */
  leave: () => void
  dispose: () => void
}

/** A socket that has heard nothing (not even a pong) for this long is dead, whatever it says. */
export const SILENCE_LIMIT_MS = HEARTBEAT_INTERVAL_MS * 3
/** Frames queued while reconnecting; past this the oldest are dropped (stale ICE is useless anyway). */
const MAX_QUEUED = 256

export function makeSignalling(opts: SignallingOptions): Signalling {
  let socket: WebSocket | null = null
  let joined = false
  let finished = false
  let attempt = 0
  let resume: { peerId: string; token: string } | null = null
  let lastHeardAt = 0
  let heartbeat: ReturnType<typeof setInterval> | undefined
  let retry: ReturnType<typeof setTimeout> | undefined
  const queue: string[] = []

  const status = (s: SignallingStatus) => opts.onStatus(s)

  function connect(adopted: WebSocket | null = null) {
    clearTimeout(retry)
    if (finished) return
    const ws = adopted ?? new WebSocket(opts.url)
    socket = ws
    joined = false
    lastHeardAt = Date.now()
    const join = () => {
      const { name, state } = opts.joinAs()
      ws.send(JSON.stringify({ type: 'join', name, state, ...(resume ? { resume } : {}) } satisfies ClientMessage))
      heartbeat = setInterval(() => beat(ws), HEARTBEAT_INTERVAL_MS)
    }
    if (ws.readyState === WebSocket.OPEN) join()
    else ws.onopen = join
    ws.onmessage = (event) => receive(ws, event.data)
    // onerror is always followed by onclose, which decides what happens next.
    ws.onclose = (event) => {
      if (ws !== socket) return
      if (event.code === ROOM_CLOSE_CODES.replaced) {
        finish()
        opts.onError(CallError.replaced())
      } else if (event.code === ROOM_CLOSE_CODES.roomFull) {
        // The `room-full` error frame before it has already ended the session.
        finish()
      } else dropped(ws)
    }
  }

  function beat(ws: WebSocket) {
    if (Date.now() - lastHeardAt > SILENCE_LIMIT_MS) {
      // A half-open TCP connection (a laptop lid, a NAT timeout) never fires `close` by itself.
      ws.close()
      dropped(ws)
      return
    }
    if (ws.readyState === WebSocket.OPEN) ws.send(HEARTBEAT_PING)
  }

  function receive(ws: WebSocket, data: unknown) {
    if (ws !== socket) return
    lastHeardAt = Date.now()
    if (data === HEARTBEAT_PONG) return
    if (typeof data !== 'string') return
    const parsed = parseServerMessage(data)
    if (!parsed.ok) {
      // A frame we cannot read is dropped, not acted on; the call carries on with the next one.
      console.warn('room sent an invalid frame:', parsed.error.message)
      return
    }
    const message = parsed.value
    switch (message.type) {
      case 'welcome': {
        const resumed = resume?.peerId === message.peerId
        resume = { peerId: message.peerId, token: message.resumeToken }
        joined = true
        attempt = 0
        status('open')
        opts.onWelcome(message, resumed)
        while (queue.length && ws.readyState === WebSocket.OPEN) ws.send(queue.shift()!)
        return
      }
      case 'error':
        if (message.code === 'room-full') {
          finish()
          opts.onError(CallError.roomFull(message.message))
          return
        }
        opts.onError(CallError.serverRefused(message.code, message.message))
        return
      default:
        opts.onMessage(message)
    }
  }

  function dropped(ws: WebSocket) {
    if (ws !== socket) return
    socket = null
    joined = false
    clearInterval(heartbeat)
    ws.onopen = ws.onmessage = ws.onclose = null
    if (finished) return
    status('reconnecting')
    retry = setTimeout(connect, reconnectDelayMs(attempt++))
  }

  /** Back online: try now rather than wait out the backoff. */
  function online() {
    if (!finished && !socket) connect()
  }

  function finish() {
    finished = true
    clearTimeout(retry)
    clearInterval(heartbeat)
    window.removeEventListener('online', online)
    const ws = socket
    socket = null
    if (ws) {
      ws.onopen = ws.onmessage = ws.onclose = null
      ws.close(1000)
    }
    status('closed')
  }

  window.addEventListener('online', online)
  status('connecting')
  connect(opts.socket?.readyState === WebSocket.OPEN || opts.socket?.readyState === WebSocket.CONNECTING ? opts.socket : null)

  return {
    send(message) {
      const frame = JSON.stringify(message)
      if (joined && socket?.readyState === WebSocket.OPEN) socket.send(frame)
      else if (!finished) {
        queue.push(frame)
        if (queue.length > MAX_QUEUED) queue.shift()
      }
    },
    leave() {
      if (joined && socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'leave' } satisfies ClientMessage))
      finish()
    },
    dispose: finish,
  }
}

export type Preconnected = {
  /** Hands the socket over (once); null when it has closed meanwhile. */
  take: () => WebSocket | null
  /** Closes the socket unless it was taken. */
  close: () => void
}

/**
 * Opens the room socket while the user is still on the pre-join screen, so pressing Join costs no
 * handshake. It sends heartbeats until `makeSignalling` adopts it. The room holds a socket that
 * has not joined like any other and sweeps it if it falls silent, so nothing is reserved by it.
 */
export function preconnect(url: string): Preconnected {
  const ws = new WebSocket(url)
  const timer = setInterval(() => {
    if (ws.readyState === WebSocket.OPEN) ws.send(HEARTBEAT_PING)
  }, HEARTBEAT_INTERVAL_MS)
  let taken = false
  return {
    take() {
      clearInterval(timer)
      if (taken) return null
      taken = true
      return ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING ? ws : null
    },
    close() {
      clearInterval(timer)
      if (!taken) ws.close(1000)
      taken = true
    },
  }
}
