/**
 * @module How a direct call's ring ends. Every ending (answer, decline, cancel, timeout) is one
 * conditional UPDATE from `ringing`, so when a decline races a timeout exactly one of them counts.
 */
import { and, eq, gt } from 'drizzle-orm'
import type { RingEndReason } from '../../../shared/protocol/api/presence'
import type { Db } from '../db'
import type { Env } from '../env'
import { calls } from '../history/tables'
import { hubOf } from './hubOf'

/** True when this call moved the ring from `ringing` to `reason`. */
export async function settleRing(db: Db, callId: string, reason: RingEndReason, nowMs: number): Promise<boolean> {
  const conditions = [eq(calls.id, callId), eq(calls.ringState, 'ringing')]
  // An answer after the ring timed out is too late, even if the timeout has not been processed yet.
  if (reason === 'accepted' || reason === 'declined') conditions.push(gt(calls.ringExpiresAtMs, nowMs))
  const row = await db.update(calls).set({ ringState: reason }).where(and(...conditions)).returning({ id: calls.id }).get()
  return row !== undefined
}

/** Stops the ring on every app of the callee and tells every app of the caller how it ended. */
export async function announceRingEnd(
  env: Pick<Env, 'USERS'>,
  ids: { callId: string; callerId: string; calleeId: string },
  reason: RingEndReason,
): Promise<void> {
  await Promise.all([
    hubOf(env, ids.calleeId).endRing(ids.callId, reason),
    hubOf(env, ids.callerId).deliver({ type: 'call-answered', callId: ids.callId, reason }),
  ])
}
