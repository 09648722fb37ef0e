/**
 * @module `/api/presence` (the live socket to a user's hub) and `/api/ring` (calling a contact
 * directly). A browser cannot put an Authorization header on a WebSocket, so the app first trades
 * its access token for a 60-second ticket and opens the socket with that in the query string.
 */
import { and, eq, inArray } from 'drizzle-orm'
import { Hono } from 'hono'
import { answerRequestSchema, RING_TIMEOUT_MS, ringRequestSchema, type PresenceTicket, type RingResponse } from '../../../shared/protocol/api/presence'
import { isId, randomId } from '../../../shared/protocol/ids'
import { requireUser, type AuthEnv } from '../auth/requireUser'
import { jwtSecret, signPresenceTicket, verifyPresenceTicket } from '../auth/tokens'
import { contacts } from '../contacts/tables'
import { makeDb } from '../db'
import { callParticipants, calls } from '../history/tables'
import { ApiError } from '../http/errors'
import { jsonBody } from '../http/jsonBody'
import { toUserCard } from '../profiles/profileView'
import { profiles } from '../profiles/tables'
import { hubOf } from './hubOf'
import { announceRingEnd, settleRing } from './ring'

export const presenceRoutes = new Hono<AuthEnv>()
  .post('/ticket', requireUser, async (c) => {
    const ticket = await signPresenceTicket(c.var.caller, jwtSecret(c.env, c.req.url))
    const body: PresenceTicket = { ticket: ticket.token, expiresAtMs: ticket.expiresAtMs }
    return c.json(body, 200, { 'Cache-Control': 'no-store' })
  })

  .get('/socket', async (c) => {
    if (c.req.header('Upgrade')?.toLowerCase() !== 'websocket') {
      throw new ApiError(426, 'bad-request', 'This route only takes a WebSocket upgrade.', { Upgrade: 'websocket' })
    }
    const claims = await verifyPresenceTicket(c.req.query('ticket') ?? '', jwtSecret(c.env, c.req.url))
    if (!claims.ok) throw new ApiError(401, claims.error, 'The presence ticket is not valid; ask for a new one.')
    const headers = new Headers(c.req.raw.headers)
    headers.set('X-Hub-User', claims.value.userId)
    headers.set('X-Hub-Session', claims.value.sessionId)
    const res = await hubOf(c.env, claims.value.userId).fetch(new Request(c.req.raw.url, { headers }))
    // A stub's response has immutable headers; re-wrapped so middleware can add its own.
    return new Response(res.body, { status: res.status, headers: res.headers, webSocket: res.webSocket })
  })

/** Looks up the two people of a direct call, checking that `userId` is the one with `role`. */
async function ringParties(c: { env: AuthEnv['Bindings'] }, callId: string, userId: string, role: 'caller' | 'callee') {
  if (!isId(callId)) throw new ApiError(404, 'not-found', 'No such call.')
  const rows = await makeDb(c.env.DB)
    .select({ userId: callParticipants.userId, role: callParticipants.role })
    .from(callParticipants)
    .innerJoin(calls, eq(calls.id, callParticipants.callId))
    .where(and(eq(callParticipants.callId, callId), eq(calls.kind, 'direct')))
    .all()
  const callerId = rows.find((r) => r.role === 'caller')?.userId
  const calleeId = rows.find((r) => r.role === 'callee')?.userId
  const me = role === 'caller' ? callerId : calleeId
  if (!callerId || !calleeId || me !== userId) throw new ApiError(404, 'not-found', 'No such call.')
  return { callId, callerId, calleeId }
}

export const ringRoutes = new Hono<AuthEnv>()
  .use(requireUser)
  .post('/', jsonBody(ringRequestSchema), async (c) => {
    const { calleeId } = c.req.valid('json')
    const callerId = c.var.caller.userId
    const db = makeDb(c.env.DB)
    const link = await db
      .select({ state: contacts.state })
      .from(contacts)
      .where(and(eq(contacts.ownerId, callerId), eq(contacts.otherId, calleeId)))
      .get()
    if (link?.state !== 'accepted') throw new ApiError(403, 'not-a-contact', 'You can call only your accepted contacts.')
    const people = await db.select().from(profiles).where(inArray(profiles.userId, [callerId, calleeId])).all()
    const caller = people.find((p) => p.userId === callerId)
    const callee = people.find((p) => p.userId === calleeId)
    if (!caller || !callee) throw new ApiError(404, 'not-found', 'No such user.')
    const nowMs = Date.now()
    const callId = randomId()
    const ringExpiresAtMs = nowMs + RING_TIMEOUT_MS
    await db.batch([
      db.insert(calls).values({ id: callId, kind: 'direct', createdBy: callerId, createdAtMs: nowMs, ringState: 'ringing', ringExpiresAtMs }),
      db.insert(callParticipants).values([
        { callId, userId: callerId, role: 'caller', displayName: caller.displayName },
        { callId, userId: calleeId, role: 'callee', displayName: callee.displayName },
      ]),
    ])
    const delivered = await hubOf(c.env, calleeId).ring({ callId, callerId, from: toUserCard(caller), expiresAtMs: ringExpiresAtMs })
    // Nobody to ring: the callee sees it as a missed call in their history.
    if (!delivered) await settleRing(db, callId, 'missed', nowMs)
    const body: RingResponse = { callId, ringExpiresAtMs, delivered }
    return c.json(body, 201)
  })

  .post('/:callId/answer', jsonBody(answerRequestSchema), async (c) => {
    const parties = await ringParties(c, c.req.param('callId'), c.var.caller.userId, 'callee')
    const reason = c.req.valid('json').accept ? 'accepted' : 'declined'
    if (!(await settleRing(makeDb(c.env.DB), parties.callId, reason, Date.now()))) {
      throw new ApiError(409, 'ring-over', 'This call stopped ringing.')
    }
    await announceRingEnd(c.env, parties, reason)
    return c.body(null, 204)
  })

  .post('/:callId/cancel', async (c) => {
    const parties = await ringParties(c, c.req.param('callId'), c.var.caller.userId, 'caller')
    if (!(await settleRing(makeDb(c.env.DB), parties.callId, 'cancelled', Date.now()))) {
      throw new ApiError(409, 'ring-over', 'This call stopped ringing.')
    }
    await announceRingEnd(c.env, parties, 'cancelled')
    return c.body(null, 204)
  })
