/**
 * @module `requireUser`: the gate in front of every signed-in route. It checks the access token's
 * signature and expiry, then that its session is still live, so signing out, refresh-token reuse
 * and account deletion take effect at once rather than when the token expires.
 */
import { eq } from 'drizzle-orm'
import type { Context, MiddlewareHandler } from 'hono'
import { makeDb, type Db } from '../db'
import type { AppEnv } from '../env'
import { ApiError } from '../http/errors'
import { sessions } from './tables'
import { bearerToken, jwtSecret, verifyAccessToken } from './tokens'

export type Caller = { userId: string; sessionId: string }
export type AuthEnv = AppEnv & { Variables: { caller: Caller } }

// RFC 6750 §3: a bearer-token failure names the scheme and why.
const challenge = (error: string) => ({ 'WWW-Authenticate': `Bearer error="${error}"` })

/** Checks the bearer token's signature, purpose and expiry; no database involved. */
async function verifiedCaller(c: Context<AuthEnv>): Promise<Caller> {
  const token = bearerToken(c.req.header('Authorization'))
  if (!token) throw new ApiError(401, 'unauthorized', 'Sign in to do this.', { 'WWW-Authenticate': 'Bearer' })
  const claims = await verifyAccessToken(token, jwtSecret(c.env, c.req.url))
  if (!claims.ok) {
    const message = claims.error === 'token-expired' ? 'Your sign-in expired; refresh it.' : 'The access token is not valid.'
    throw new ApiError(401, claims.error, message, challenge('invalid_token'))
  }
  return claims.value
}

/** The caller's session row, as a query that can join a `db.batch`. */
export const liveSession = (db: Db, caller: Caller) =>
  db.select({ userId: sessions.userId, revokedAtMs: sessions.revokedAtMs }).from(sessions).where(eq(sessions.id, caller.sessionId))

/** Throws unless the session exists, belongs to the token's user and was not revoked. */
export function assertLive(rows: { userId: string; revokedAtMs: number | null }[], caller: Caller): void {
  const session = rows[0]
  if (!session || session.revokedAtMs !== null || session.userId !== caller.userId) {
    throw new ApiError(401, 'session-revoked', 'This sign-in has ended; sign in again.', challenge('invalid_token'))
  }
}

export const requireUser: MiddlewareHandler<AuthEnv> = async (c, next) => {
  const caller = await verifiedCaller(c)
  assertLive(await liveSession(makeDb(c.env.DB), caller).all(), caller)
  c.set('caller', caller)
  await next()
}

/**
 * Like `requireUser`, but leaves the session check to the route, which must run `liveSession`
 * first in its one `db.batch` and `assertLive` on it before using anything read: a page of
 * history then costs one D1 round trip instead of two. Only for routes that read.
 */
export const requireTokenThenCheckInBatch: MiddlewareHandler<AuthEnv> = async (c, next) => {
  c.set('caller', await verifiedCaller(c))
  await next()
}
