/**
 * @module The daily clean-up run by the Cron Trigger: audit entries older than 90 days, and
 * tokens and sessions that can no longer be used.
 */
import { and, isNotNull, lt, or } from 'drizzle-orm'
import { REFRESH_TOKEN_TTL_S } from '../../../shared/protocol/api/auth'
import { oneTimeTokens, refreshTokens, sessions } from '../auth/tables'
import type { Db } from '../db'
import { AUDIT_RETENTION_MS } from './audit'
import { auditLog } from './tables'

export type PruneCounts = { auditEntries: number; refreshTokens: number; oneTimeTokens: number; sessions: number }

export async function pruneExpired(db: Db, nowMs: number): Promise<PruneCounts> {
  const [audit, refresh, oneTime, stale] = await db.batch([
    db.delete(auditLog).where(lt(auditLog.atMs, nowMs - AUDIT_RETENTION_MS)),
    // Used tokens are kept until they expire: until then, presenting one again is reuse to catch.
    db.delete(refreshTokens).where(lt(refreshTokens.expiresAtMs, nowMs)),
    db.delete(oneTimeTokens).where(lt(oneTimeTokens.expiresAtMs, nowMs)),
    // A session not refreshed for the refresh lifetime can never be refreshed again.
    db
      .delete(sessions)
      .where(
        or(
          lt(sessions.lastRefreshedAtMs, nowMs - REFRESH_TOKEN_TTL_S * 1000),
          and(isNotNull(sessions.revokedAtMs), lt(sessions.revokedAtMs, nowMs - REFRESH_TOKEN_TTL_S * 1000)),
        ),
      ),
  ])
  return {
    auditEntries: audit.meta.changes,
    refreshTokens: refresh.meta.changes,
    oneTimeTokens: oneTime.meta.changes,
    sessions: stale.meta.changes,
  }
}
