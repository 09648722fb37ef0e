/** @module Reading call history: one page of calls with their participants, or one call with its chat. */
import { and, asc, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm'
import {
  HISTORY_PAGE_SIZE,
  historyQuerySchema,
  type CallDetail,
  type CallSummary,
  type HistoryPage,
  type Participant,
} from '../../../shared/protocol/api/history'
import type { Db } from '../db'
import { ApiError } from '../http/errors'
import { toUserCard } from '../profiles/profileView'
import { profiles } from '../profiles/tables'
import { callMessages, callParticipants, calls } from './tables'

export type HistoryQuery = { q?: string; before?: number }

/** Query strings arrive as text; `before` is a number of milliseconds. */
export function parseHistoryQuery(raw: Record<string, string>): HistoryQuery {
  const value: Record<string, unknown> = { ...raw }
  if (raw.before !== undefined) value.before = /^\d{1,16}$/.test(raw.before) ? Number(raw.before) : raw.before
  if (raw.q !== undefined) value.q = raw.q.trim() || undefined
  const r = historyQuerySchema.parse(value)
  if (!r.ok) throw new ApiError(400, 'bad-request', `${r.error.path} ${r.error.message}`)
  return r.value
}

/** `%`, `_` and the escape character itself match literally: a search for "50%" finds "50%". */
export const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`

/** Calls where someone other than me had a matching name, or where the chat mentions the text. */
function matches(q: string, userId: string): SQL {
  const pattern = likePattern(q)
  return sql`(EXISTS (SELECT 1 FROM ${callParticipants} p JOIN ${profiles} pr ON pr.user_id = p.user_id
      WHERE p.call_id = ${calls.id} AND p.user_id <> ${userId}
        AND (p.display_name LIKE ${pattern} ESCAPE '\\' OR pr.display_name LIKE ${pattern} ESCAPE '\\'))
    OR EXISTS (SELECT 1 FROM ${callMessages} m WHERE m.call_id = ${calls.id} AND m.text LIKE ${pattern} ESCAPE '\\'))`
}

type CallRow = typeof calls.$inferSelect
type Role = Participant['role']

function summarize(call: CallRow, myRole: Role, participants: Participant[]): CallSummary {
  const ended = call.startedAtMs !== null && call.endedAtMs !== null
  return {
    id: call.id,
    kind: call.kind,
    direction: call.kind === 'direct' ? (myRole === 'caller' ? 'outgoing' : myRole === 'callee' ? 'incoming' : null) : null,
    ringState: call.ringState,
    createdAtMs: call.createdAtMs,
    startedAtMs: call.startedAtMs,
    endedAtMs: call.endedAtMs,
    durationS: ended ? Math.round((call.endedAtMs! - call.startedAtMs!) / 1000) : null,
    participants,
  }
}

async function participantsOf(db: Db, callIds: string[]): Promise<Map<string, Participant[]>> {
  const byCall = new Map<string, Participant[]>()
  if (callIds.length === 0) return byCall
  const rows = await db
    .select({ p: callParticipants, profile: profiles })
    .from(callParticipants)
    .innerJoin(profiles, eq(profiles.userId, callParticipants.userId))
    .where(inArray(callParticipants.callId, callIds))
    .orderBy(asc(callParticipants.joinedAtMs))
    .all()
  for (const { p, profile } of rows) {
    const list = byCall.get(p.callId) ?? []
    list.push({ user: toUserCard(profile), displayName: p.displayName, role: p.role, joinedAtMs: p.joinedAtMs, leftAtMs: p.leftAtMs })
    byCall.set(p.callId, list)
  }
  return byCall
}

export async function loadHistoryPage(db: Db, userId: string, query: HistoryQuery): Promise<HistoryPage> {
  const rows = await db
    .select({ call: calls, myRole: callParticipants.role })
    .from(calls)
    .innerJoin(callParticipants, and(eq(callParticipants.callId, calls.id), eq(callParticipants.userId, userId)))
    .where(and(query.before !== undefined ? lt(calls.createdAtMs, query.before) : undefined, query.q ? matches(query.q, userId) : undefined))
    .orderBy(desc(calls.createdAtMs))
    .limit(HISTORY_PAGE_SIZE + 1)
    .all()
  const page = rows.slice(0, HISTORY_PAGE_SIZE)
  const participants = await participantsOf(db, page.map((r) => r.call.id))
  return {
    calls: page.map((r) => summarize(r.call, r.myRole, participants.get(r.call.id) ?? [])),
    nextBefore: rows.length > HISTORY_PAGE_SIZE ? page[page.length - 1]!.call.createdAtMs : null,
  }
}

export async function loadCallDetail(db: Db, userId: string, callId: string): Promise<CallDetail | null> {
  const row = await db
    .select({ call: calls, myRole: callParticipants.role })
    .from(calls)
    .innerJoin(callParticipants, and(eq(callParticipants.callId, calls.id), eq(callParticipants.userId, userId)))
    .where(eq(calls.id, callId))
    .get()
  if (!row) return null
  const [participants, messages] = await Promise.all([
    participantsOf(db, [callId]),
    db.select().from(callMessages).where(eq(callMessages.callId, callId)).orderBy(asc(callMessages.sentAtMs)).all(),
  ])
  return {
    call: summarize(row.call, row.myRole, participants.get(callId) ?? []),
    messages: messages.map((m) => ({ id: m.id, userId: m.userId, displayName: m.displayName, text: m.text, sentAtMs: m.sentAtMs })),
  }
}
