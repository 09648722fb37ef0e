/**
 * @module `UserHub`: one Durable Object per signed-in user, holding a socket from each app they
 * have open (WebSocket Hibernation: idle sockets cost nothing). From those sockets it knows whether
 * the user is online; from `setInCall` whether they are in a call. It pushes changes to every
 * accepted contact's hub, and carries rings, answers and live updates to the user's own apps.
 *
 * Kept across hibernation: `userId`, the presence last announced, `inCall`, pending rings, all in
 * `ctx.storage`; each socket's session id and connect time in its attachment.
 */
import { DurableObject } from 'cloudflare:workers'
import { and, eq } from 'drizzle-orm'
import {
  PRESENCE_PING,
  PRESENCE_PONG,
  PRESENCE_TIMEOUT_MS,
  type HubMessage,
  type PresenceStatus,
} from '../../../shared/protocol/api/presence'
import type { UserCard } from '../../../shared/protocol/api/profile'
import { contacts } from '../contacts/tables'
import { makeDb } from '../db'
import type { Env } from '../env'
import { leaveCallWrites } from '../history/participation'
import { hubOf } from './hubOf'
import { settleRing } from './ring'

type Attachment = { sessionId: string; connectedAtMs: number }
/** The call the user is in; `lostAtMs` is when their last app vanished during it. */
type InCall = { callId: string; lostAtMs: number | null }
export type PendingRing = { callId: string; callerId: string; from: UserCard; expiresAtMs: number }

/** How often the alarm looks for sockets whose app stopped answering pings. */
const SWEEP_INTERVAL_MS = 15_000
/** Close code for a socket the hub ends: timed out, signed out or account deleted. */
const CLOSE_POLICY = 4001

const RING_PREFIX = 'ring:'

export class UserHub extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env)
    // Heartbeats are answered by the runtime without waking the object (and stamp the socket).
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PRESENCE_PING, PRESENCE_PONG))
  }

  /** The socket upgrade, forwarded by `presence/routes.ts` once the ticket checked out. */
  override async fetch(request: Request): Promise<Response> {
    const userId = request.headers.get('X-Hub-User')
    const sessionId = request.headers.get('X-Hub-Session')
    if (request.headers.get('Upgrade') !== 'websocket' || !userId || !sessionId) {
      return new Response('expected a websocket upgrade from the worker', { status: 400 })
    }
    await this.ctx.storage.put('userId', userId)
    const { 0: client, 1: server } = new WebSocketPair()
    this.ctx.acceptWebSocket(server, [sessionId])
    server.serializeAttachment({ sessionId, connectedAtMs: Date.now() } satisfies Attachment)
    for (const ring of await this.pendingRings()) {
      send(server, { type: 'ring', callId: ring.callId, from: ring.from, expiresAtMs: ring.expiresAtMs })
    }
    await this.reconcile()
    return new Response(null, { status: 101, webSocket: client })
  }

  override async webSocketMessage(ws: WebSocket): Promise<void> {
    send(ws, { type: 'error', message: `the presence socket takes only "${PRESENCE_PING}" heartbeats` })
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    try {
      ws.close(code === 1005 ? 1000 : code, reason)
    } catch {
      // Already closed by the runtime: nothing to echo.
    }
    await this.reconcile(ws)
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    await this.reconcile(ws)
  }

  override async alarm(): Promise<void> {
    const nowMs = Date.now()
    for (const ws of this.openSockets()) {
      const lastMs = this.ctx.getWebSocketAutoResponseTimestamp(ws)?.getTime() ?? attachmentOf(ws).connectedAtMs
      if (nowMs - lastMs > PRESENCE_TIMEOUT_MS) ws.close(CLOSE_POLICY, 'no heartbeat')
    }
    for (const ring of await this.pendingRings()) {
      if (ring.expiresAtMs <= nowMs) await this.expireRing(ring, nowMs)
    }
    await this.reconcile()
  }

  // RPC, called by routes and by other users' hubs.

  /** `/health` asks this to know the class is deployed and answering. */
  async ping(): Promise<'pong'> {
    return 'pong'
  }

  async presence(): Promise<PresenceStatus> {
    return this.currentStatus()
  }

  /** Sends a message to every open app of this user; returns how many got it. */
  async deliver(message: HubMessage): Promise<number> {
    const sockets = this.openSockets()
    for (const ws of sockets) send(ws, message)
    return sockets.length
  }

  /** `callId` while the user is in a call (history `join`), null once they leave. */
  async setInCall(userId: string, callId: string | null): Promise<void> {
    await this.ctx.storage.put('userId', userId)
    if (callId) await this.ctx.storage.put('inCall', { callId, lostAtMs: null } satisfies InCall)
    else await this.ctx.storage.delete('inCall')
    await this.reconcile()
  }

  /** Rings every open app; false (and nothing stored) when the user has none open. */
  async ring(ring: PendingRing): Promise<boolean> {
    if (this.openSockets().length === 0) return false
    await this.ctx.storage.put(RING_PREFIX + ring.callId, ring)
    await this.deliver({ type: 'ring', callId: ring.callId, from: ring.from, expiresAtMs: ring.expiresAtMs })
    await this.scheduleAlarm()
    return true
  }

  /** Stops a ring on every app (answered on one of them, cancelled, or missed). */
  async endRing(callId: string, reason: Extract<HubMessage, { type: 'ring-ended' }>['reason']): Promise<void> {
    await this.ctx.storage.delete(RING_PREFIX + callId)
    await this.deliver({ type: 'ring-ended', callId, reason })
  }

  /** Closes the sockets of one session (signed out on one device). */
  async closeSession(sessionId: string): Promise<void> {
    for (const ws of this.ctx.getWebSockets(sessionId)) {
      send(ws, { type: 'signed-out' })
      ws.close(CLOSE_POLICY, 'signed out')
    }
    await this.reconcile()
  }

  /** Password reset or account deletion: every app is signed out and the hub forgets everything. */
  async signOut(): Promise<void> {
    for (const ws of this.ctx.getWebSockets()) {
      send(ws, { type: 'signed-out' })
      ws.close(CLOSE_POLICY, 'signed out')
    }
    await this.reconcile()
    await this.ctx.storage.deleteAll()
    await this.ctx.storage.deleteAlarm()
  }

  // Internals.

  private openSockets(except?: WebSocket): WebSocket[] {
    return this.ctx.getWebSockets().filter((ws) => ws !== except && ws.readyState === WebSocket.OPEN)
  }

  private async currentStatus(except?: WebSocket): Promise<PresenceStatus> {
    if (this.openSockets(except).length === 0) return 'offline'
    return (await this.ctx.storage.get('inCall')) ? 'in-call' : 'online'
  }

  private async pendingRings(): Promise<PendingRing[]> {
    return [...(await this.ctx.storage.list<PendingRing>({ prefix: RING_PREFIX })).values()]
  }

  /**
   * Brings what contacts see in line with the sockets and call state now: announces a change,
   * and when the last app vanished mid-call, closes the user's part in it once they stay gone
   * for `PRESENCE_TIMEOUT_MS` (the tab was killed before it could say it left).
   */
  private async reconcile(except?: WebSocket): Promise<void> {
    const userId = await this.ctx.storage.get<string>('userId')
    if (!userId) return
    const nowMs = Date.now()
    const announced = await this.ctx.storage.get<PresenceStatus>('announced')
    const online = this.openSockets(except).length > 0
    const inCall = await this.ctx.storage.get<InCall>('inCall')
    if (inCall) {
      // Only an app that was here and vanished starts the clock; joining with no app open does not.
      const vanished = !online && announced !== undefined && announced !== 'offline'
      if (online && inCall.lostAtMs !== null) await this.ctx.storage.put('inCall', { ...inCall, lostAtMs: null })
      else if (vanished && inCall.lostAtMs === null) await this.ctx.storage.put('inCall', { ...inCall, lostAtMs: nowMs })
      else if (!online && inCall.lostAtMs !== null && nowMs - inCall.lostAtMs >= PRESENCE_TIMEOUT_MS) {
        const db = makeDb(this.env.DB)
        await db.batch(leaveCallWrites(db, inCall.callId, userId, inCall.lostAtMs))
        await this.ctx.storage.delete('inCall')
      }
    }
    const status = await this.currentStatus(except)
    if (announced !== status) {
      await this.ctx.storage.put('announced', status)
      await this.announce(userId, status)
    }
    await this.scheduleAlarm(except)
  }

  private async announce(userId: string, status: PresenceStatus): Promise<void> {
    const rows = await makeDb(this.env.DB)
      .select({ otherId: contacts.otherId })
      .from(contacts)
      .where(and(eq(contacts.ownerId, userId), eq(contacts.state, 'accepted')))
      .all()
    const results = await Promise.allSettled(rows.map((r) => hubOf(this.env, r.otherId).deliver({ type: 'presence', userId, status })))
    for (const r of results) if (r.status === 'rejected') console.error('presence fan-out failed', r.reason)
  }

  private async expireRing(ring: PendingRing, nowMs: number): Promise<void> {
    await this.ctx.storage.delete(RING_PREFIX + ring.callId)
    const settled = await settleRing(makeDb(this.env.DB), ring.callId, 'missed', nowMs)
    if (!settled) return
    await this.deliver({ type: 'ring-ended', callId: ring.callId, reason: 'missed' })
    await hubOf(this.env, ring.callerId).deliver({ type: 'call-answered', callId: ring.callId, reason: 'missed' })
  }

  /** The next moment something is due: a heartbeat sweep, a ring timing out, or a lost call closing. */
  private async scheduleAlarm(except?: WebSocket): Promise<void> {
    const nowMs = Date.now()
    const due: number[] = []
    if (this.openSockets(except).length > 0) due.push(nowMs + SWEEP_INTERVAL_MS)
    for (const ring of await this.pendingRings()) due.push(ring.expiresAtMs)
    const inCall = await this.ctx.storage.get<InCall>('inCall')
    if (inCall?.lostAtMs != null) due.push(inCall.lostAtMs + PRESENCE_TIMEOUT_MS)
    if (due.length === 0) {
      await this.ctx.storage.deleteAlarm()
      return
    }
    const next = Math.max(nowMs + 1, Math.min(...due))
    const current = await this.ctx.storage.getAlarm()
    if (current === null || current > next || current < nowMs) await this.ctx.storage.setAlarm(next)
  }
}

const attachmentOf = (ws: WebSocket): Attachment => ws.deserializeAttachment() as Attachment

function send(ws: WebSocket, message: HubMessage): void {
  try {
    ws.send(JSON.stringify(message))
  } catch {
    // The socket closed between listing and sending; its close handler reconciles.
  }
}
