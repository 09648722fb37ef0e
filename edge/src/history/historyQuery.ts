/** @module Reading call history: one page of calls with their participants, or one call with its chat. */
import { and, asc, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm'
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

export type HistoryQuery = { q?: string; before?: { createdAtMs: number; id: string } }

export function parseHistoryQuery(raw: Record<string, string>): HistoryQuery {
  const value: Record<string, unknown> = { ...raw }
  if (raw.q !== undefined) value.q = raw.q.trim() || undefined
  const r = historyQuerySchema.parse(value)
  if (!r.ok) throw new ApiError(400, 'bad-request', `${r.error.path} ${r.error.message}`)
  const [ms, id] = r.value.before?.split('.') ?? []
  return { q: r.value.q, before: ms && id ? { createdAtMs: Number(ms), id } : undefined }
}

const cursorOf = (call: { createdAtMs: number; id: string }) => `${call.createdAtMs}.${call.id}`

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
type ParticipantJson = {
  userId: string
  displayName: string
  role: Role
  joinedAtMs: number | null
  leftAtMs: number | null
  profileName: string
  avatarVersion: string | null
}

/**
 * Each call's participants as one JSON array, computed in the same query as the calls: a page of
 * history is one D1 round trip, not one plus one per call.
 */
const participantsJson = sql<string>`(SELECT json_group_array(json_object(
    'userId', p.user_id, 'displayName', p.display_name, 'role', p.role, 'joinedAtMs', p.joined_at_ms,
    'leftAtMs', p.left_at_ms, 'profileName', pr.display_name, 'avatarVersion', pr.avatar_version))
  FROM ${callParticipants} p JOIN ${profiles} pr ON pr.user_id = p.user_id WHERE p.call_id = ${calls.id})`

function readParticipants(json: string): Participant[] {
  const rows = JSON.parse(json) as ParticipantJson[]
  // Who joined first comes first; a callee who never picked up comes last.
  rows.sort((a, b) => (a.joinedAtMs ?? Infinity) - (b.joinedAtMs ?? Infinity))
  return rows.map((p) => ({
    user: toUserCard({ userId: p.userId, displayName: p.profileName, avatarVersion: p.avatarVersion }),
    displayName: p.displayName,
    role: p.role,
    joinedAtMs: p.joinedAtMs,
    leftAtMs: p.leftAtMs,
  }))
}

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

/** My calls, with my role in each and everyone who was in it. */
const myCalls = (db: Db, userId: string) =>
  db
    .select({ call: calls, myRole: callParticipants.role, participants: participantsJson })
    .from(calls)
    .innerJoin(callParticipants, and(eq(callParticipants.callId, calls.id), eq(callParticipants.userId, userId)))

export const historyPageQuery = (db: Db, userId: string, query: HistoryQuery) =>
  myCalls(db, userId)
    .where(
      and(
        query.before
          ? or(lt(calls.createdAtMs, query.before.createdAtMs), and(eq(calls.createdAtMs, query.before.createdAtMs), lt(calls.id, query.before.id)))
          : undefined,
        query.q ? matches(query.q, userId) : undefined,
      ),
    )
    .orderBy(desc(calls.createdAtMs), desc(calls.id))
    .limit(HISTORY_PAGE_SIZE + 1)

export function toHistoryPage(rows: Awaited<ReturnType<typeof historyPageQuery>>): HistoryPage {
  const page = rows.slice(0, HISTORY_PAGE_SIZE)
  return {
    calls: page.map((r) => summarize(r.call, r.myRole, readParticipants(r.participants))),
    nextBefore: rows.length > HISTORY_PAGE_SIZE ? cursorOf(page[page.length - 1]!.call) : null,
  }
}

/** The call as I took part in it, and its kept chat: two queries for one `db.batch`. */
export const callDetailQueries = (db: Db, userId: string, callId: string) =>
  [
    myCalls(db, userId).where(eq(calls.id, callId)),
    db.select().from(callMessages).where(eq(callMessages.callId, callId)).orderBy(asc(callMessages.sentAtMs)),
  ] as const

export function toCallDetail(
  rows: Awaited<ReturnType<typeof callDetailQueries>[0]>,
  messages: Awaited<ReturnType<typeof callDetailQueries>[1]>,
): CallDetail | null {
  const row = rows[0]
  if (!row) return null
  return {
    call: summarize(row.call, row.myRole, readParticipants(row.participants)),
    messages: messages.map((m) => ({ id: m.id, userId: m.userId, displayName: m.displayName, text: m.text, sentAtMs: m.sentAtMs })),
  }
}
