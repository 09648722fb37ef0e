/**
 * @module Sessions and their refresh tokens. A session is one sign-in on one device; its refresh
 * token is rotated on every use, and presenting a token that was already exchanged (someone kept
 * a copy) revokes the whole session, for the thief and the owner alike (OAuth 2.0 Security BCP
 * §4.14.2).
 */
import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import { REFRESH_TOKEN_TTL_S, type Me } from '../../../shared/protocol/api/auth'
import { randomId } from '../../../shared/protocol/ids'
import { err, ok, type Result } from '../../../shared/result'
import type { Db } from '../db'
import type { RequestMeta } from '../privacy/audit'
import { randomToken, sha256Base64Url } from './encoding'
import { meOfSession, toMe } from './me'
import { refreshTokens, sessions } from './tables'

const REFRESH_TTL_MS = REFRESH_TOKEN_TTL_S * 1000

export type RevokeReason = NonNullable<typeof sessions.$inferSelect.revokedReason>

async function mintRefreshToken(db: Db, sessionId: string, nowMs: number) {
  const token = randomToken()
  const insert = db.insert(refreshTokens).values({
    tokenHash: await sha256Base64Url(token),
    sessionId,
    issuedAtMs: nowMs,
    expiresAtMs: nowMs + REFRESH_TTL_MS,
  })
  return { token, insert }
}

/** The writes that open a session; the caller batches them with the rest of sign-in. */
export async function openSession(db: Db, userId: string, meta: RequestMeta, nowMs: number) {
  const sessionId = randomId()
  const refresh = await mintRefreshToken(db, sessionId, nowMs)
  const insertSession = db
    .insert(sessions)
    .values({ id: sessionId, userId, userAgent: meta.userAgent, createdAtMs: nowMs, lastRefreshedAtMs: nowMs })
  return { sessionId, refreshToken: refresh.token, writes: [insertSession, refresh.insert] as const }
}

export const revokeSession = (db: Db, sessionId: string, reason: RevokeReason, nowMs: number) =>
  db
    .update(sessions)
    .set({ revokedAtMs: nowMs, revokedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAtMs)))

export type RotateProblem = 'token-invalid' | 'token-expired' | 'refresh-reused' | 'session-revoked'
export type Rotated = { userId: string; sessionId: string; refreshToken: string; me: Me }

/**
 * Exchanges a refresh token for a new one in two D1 round trips. The old token is claimed with one
 * conditional UPDATE (unused, unexpired, session live), so of two concurrent exchanges exactly one
 * wins and the other is treated as reuse; the new token, the session's timestamp and the account
 * the answer needs go in one batch.
 */
export async function rotateRefreshToken(
  db: Db,
  presented: string,
  nowMs: number,
): Promise<Result<Rotated, { problem: RotateProblem; userId?: string; sessionId?: string }>> {
  const tokenHash = await sha256Base64Url(presented)
  const claimed = await db
    .update(refreshTokens)
    .set({ usedAtMs: nowMs })
    .where(
      and(
        eq(refreshTokens.tokenHash, tokenHash),
        isNull(refreshTokens.usedAtMs),
        gt(refreshTokens.expiresAtMs, nowMs),
        sql`EXISTS (SELECT 1 FROM ${sessions} WHERE ${sessions.id} = ${refreshTokens.sessionId} AND ${sessions.revokedAtMs} IS NULL)`,
      ),
    )
    .returning({ sessionId: refreshTokens.sessionId })
    .get()
  if (!claimed) {
    const row = await db
      .select({ usedAtMs: refreshTokens.usedAtMs, sessionId: refreshTokens.sessionId, userId: sessions.userId, revokedAtMs: sessions.revokedAtMs })
      .from(refreshTokens)
      .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
      .where(eq(refreshTokens.tokenHash, tokenHash))
      .get()
    if (!row) return err({ problem: 'token-invalid' })
    if (row.usedAtMs !== null) {
      await revokeSession(db, row.sessionId, 'refresh-reuse', nowMs)
      return err({ problem: 'refresh-reused', userId: row.userId, sessionId: row.sessionId })
    }
    return err({ problem: row.revokedAtMs !== null ? 'session-revoked' : 'token-expired' })
  }
  const next = await mintRefreshToken(db, claimed.sessionId, nowMs)
  const [, [session], [me]] = await db.batch([
    next.insert,
    db.update(sessions).set({ lastRefreshedAtMs: nowMs }).where(eq(sessions.id, claimed.sessionId)).returning({ userId: sessions.userId }),
    meOfSession(db, claimed.sessionId),
  ])
  if (!session || !me) return err({ problem: 'session-revoked' })
  return ok({ userId: session.userId, sessionId: claimed.sessionId, refreshToken: next.token, me: toMe(me) })
}

/** Looks up the session a refresh token belongs to without using it (sign-out). */
export async function sessionOfRefreshToken(db: Db, presented: string) {
  return db
    .select({ sessionId: refreshTokens.sessionId, userId: sessions.userId })
    .from(refreshTokens)
    .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
    .where(eq(refreshTokens.tokenHash, await sha256Base64Url(presented)))
    .get()
}
