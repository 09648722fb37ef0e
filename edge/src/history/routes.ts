/**
 * @module `/api/calls/:id/*` (a signed-in user joining, leaving and chatting in a call) and
 * `/api/history` (the calls they took part in, newest first, searchable by name or chat text).
 * A guest's presence is not recorded: only signed-in users have a history.
 */
import { and, eq, isNotNull, isNull, notExists } from 'drizzle-orm'
import { Hono } from 'hono'
import { callMessageRequestSchema, joinCallRequestSchema, type StoredMessage } from '../../../shared/protocol/api/history'
import { isId, randomId } from '../../../shared/protocol/ids'
import { assertLive, liveSession, requireTokenThenCheckInBatch, requireUser, type AuthEnv } from '../auth/requireUser'
import { makeDb } from '../db'
import { ApiError } from '../http/errors'
import { jsonBody } from '../http/jsonBody'
import { hubOf } from '../presence/hubOf'
import { callDetailQueries, historyPageQuery, parseHistoryQuery, toCallDetail, toHistoryPage } from './historyQuery'
import { joinCallWrites, leaveCallWrites } from './participation'
import { callMessages, callParticipants, calls } from './tables'

const callIdParam = (raw: string): string => {
  if (!isId(raw)) throw new ApiError(404, 'not-found', 'No such call.')
  return raw
}

export const callRoutes = new Hono<AuthEnv>()
  .use(requireUser)
  .post('/:id/join', jsonBody(joinCallRequestSchema), async (c) => {
    const callId = callIdParam(c.req.param('id'))
    const { userId } = c.var.caller
    const db = makeDb(c.env.DB)
    await db.batch(joinCallWrites(db, callId, userId, c.req.valid('json').displayName.trim(), Date.now()))
    await hubOf(c.env, userId).setInCall(userId, callId)
    return c.body(null, 204)
  })

  .post('/:id/leave', async (c) => {
    const callId = callIdParam(c.req.param('id'))
    const { userId } = c.var.caller
    const db = makeDb(c.env.DB)
    const [left] = await db.batch(leaveCallWrites(db, callId, userId, Date.now()))
    await hubOf(c.env, userId).setInCall(userId, null)
    if (left.meta.changes === 0) throw new ApiError(404, 'not-found', 'You are not in this call.')
    return c.body(null, 204)
  })

  .post('/:id/messages', jsonBody(callMessageRequestSchema), async (c) => {
    const callId = callIdParam(c.req.param('id'))
    const { userId } = c.var.caller
    const db = makeDb(c.env.DB)
    const me = await db
      .select({ displayName: callParticipants.displayName })
      .from(callParticipants)
      .where(
        and(
          eq(callParticipants.callId, callId),
          eq(callParticipants.userId, userId),
          isNotNull(callParticipants.joinedAtMs),
          isNull(callParticipants.leftAtMs),
        ),
      )
      .get()
    if (!me) throw new ApiError(403, 'forbidden', 'Join the call before keeping its chat.')
    const message: StoredMessage = { id: randomId(), userId, displayName: me.displayName, text: c.req.valid('json').text, sentAtMs: Date.now() }
    await db.insert(callMessages).values({ ...message, callId, userId })
    return c.json(message, 201)
  })

// The two reads check the session in the same D1 round trip as the data (the hot path of history).
export const historyRoutes = new Hono<AuthEnv>()
  .get('/', requireTokenThenCheckInBatch, async (c) => {
    const query = parseHistoryQuery(c.req.query())
    const db = makeDb(c.env.DB)
    const [session, rows] = await db.batch([liveSession(db, c.var.caller), historyPageQuery(db, c.var.caller.userId, query)])
    assertLive(session, c.var.caller)
    return c.json(toHistoryPage(rows))
  })

  .get('/:id', requireTokenThenCheckInBatch, async (c) => {
    const db = makeDb(c.env.DB)
    const [session, rows, messages] = await db.batch([
      liveSession(db, c.var.caller),
      ...callDetailQueries(db, c.var.caller.userId, callIdParam(c.req.param('id'))),
    ])
    assertLive(session, c.var.caller)
    const detail = toCallDetail(rows, messages)
    if (!detail) throw new ApiError(404, 'not-found', 'No such call in your history.')
    return c.json(detail)
  })

  /**
   * Removes the call from my history only: the others keep theirs, with what I said in it. The
   * call's record goes once nobody has it in their history.
   */
  .delete('/:id', requireUser, async (c) => {
    const callId = callIdParam(c.req.param('id'))
    const db = makeDb(c.env.DB)
    const { userId } = c.var.caller
    const [removed] = await db.batch([
      db.delete(callParticipants).where(and(eq(callParticipants.callId, callId), eq(callParticipants.userId, userId))),
      db.delete(calls).where(and(eq(calls.id, callId), notExists(db.select().from(callParticipants).where(eq(callParticipants.callId, callId))))),
    ])
    if (removed.meta.changes === 0) throw new ApiError(404, 'not-found', 'No such call in your history.')
    return c.body(null, 204)
  })
