/**
 * @module Recording who is in a call. A participant has one row per call: the first time they
 * joined and, once they have gone, the last time they left. The call's own start and end follow
 * from those rows and are written in the same batch, so they never disagree.
 */
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm'
import type { Db } from '../db'
import { callParticipants, calls } from './tables'

/** The writes that put a user in a call, creating the call's record if this is its first signed-in join. */
export function joinCallWrites(db: Db, callId: string, userId: string, displayName: string, nowMs: number) {
  return [
    db
      .insert(calls)
      .values({ id: callId, kind: 'link', createdBy: userId, createdAtMs: nowMs, startedAtMs: nowMs })
      .onConflictDoUpdate({
        target: calls.id,
        set: { startedAtMs: sql`COALESCE(${calls.startedAtMs}, ${nowMs})`, endedAtMs: null },
      }),
    db
      .insert(callParticipants)
      .values({ callId, userId, role: 'member', displayName, joinedAtMs: nowMs })
      .onConflictDoUpdate({
        target: [callParticipants.callId, callParticipants.userId],
        set: { displayName, joinedAtMs: sql`COALESCE(${callParticipants.joinedAtMs}, ${nowMs})`, leftAtMs: null },
      }),
  ] as const
}

/** The writes that take a user out of a call, ending the call when no signed-in participant is left in it. */
export function leaveCallWrites(db: Db, callId: string, userId: string, nowMs: number) {
  return [
    db
      .update(callParticipants)
      .set({ leftAtMs: nowMs })
      .where(
        and(
          eq(callParticipants.callId, callId),
          eq(callParticipants.userId, userId),
          isNotNull(callParticipants.joinedAtMs),
          isNull(callParticipants.leftAtMs),
        ),
      ),
    db
      .update(calls)
      .set({ endedAtMs: nowMs })
      .where(
        and(
          eq(calls.id, callId),
          isNotNull(calls.startedAtMs),
          isNull(calls.endedAtMs),
          sql`NOT EXISTS (SELECT 1 FROM ${callParticipants} WHERE ${callParticipants.callId} = ${callId} AND ${callParticipants.joinedAtMs} IS NOT NULL AND ${callParticipants.leftAtMs} IS NULL)`,
        ),
      ),
  ] as const
}
