/**
 * @module Account lockout: five failed sign-ins in a row lock the account for 15 minutes. While
 * locked, sign-in is refused without checking the password, so guessing costs nothing to refuse.
 */
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../db'
import { users } from './tables'

export const MAX_FAILED_LOGINS = 5
export const LOCKOUT_MS = 15 * 60 * 1000

export const lockRemainingMs = (lockedUntilMs: number | null, nowMs: number): number =>
  lockedUntilMs === null ? 0 : Math.max(0, lockedUntilMs - nowMs)

/**
 * Counts one failure in a single UPDATE (both CASEs read the old count), so concurrent guesses
 * cannot race past the limit. Returns when the lock ends, or null while still unlocked.
 */
export async function recordFailedLogin(db: Db, userId: string, nowMs: number): Promise<number | null> {
  const reachesLimit = sql`${users.failedLogins} + 1 >= ${MAX_FAILED_LOGINS}`
  const row = await db
    .update(users)
    .set({
      failedLogins: sql`CASE WHEN ${reachesLimit} THEN 0 ELSE ${users.failedLogins} + 1 END`,
      lockedUntilMs: sql`CASE WHEN ${reachesLimit} THEN ${nowMs + LOCKOUT_MS} ELSE ${users.lockedUntilMs} END`,
    })
    .where(eq(users.id, userId))
    .returning({ lockedUntilMs: users.lockedUntilMs })
    .get()
  return row?.lockedUntilMs != null && row.lockedUntilMs > nowMs ? row.lockedUntilMs : null
}

export const clearFailedLogins = (db: Db, userId: string) =>
  db.update(users).set({ failedLogins: 0, lockedUntilMs: null }).where(eq(users.id, userId))
