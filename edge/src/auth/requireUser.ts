/**
 * @module `requireUser`: the gate in front of every signed-in route. It checks the access token's
 * signature and expiry, then that its session is still live, so signing out, refresh-token reuse
 * and account deletion take effect at once rather than when the token expires.
 */
import { eq } from 'drizzle-orm'
import type { MiddlewareHandler } from 'hono'
import { makeDb } from '../db'
import type { AppEnv } from '../env'
import { ApiError } from '../http/errors'
import { sessions } from './tables'
import { bearerToken, jwtSecret, verifyAccessToken } from './tokens'

export type Caller = { userId: string; sessionId: string }
export type AuthEnv = AppEnv & { Variables: { caller: Caller } }

// RFC 6750 §3: a bearer-token failure names the scheme and why.
const challenge = (error: string) => ({ 'WWW-Authenticate': `Bearer error="${error}"` })

export const requireUser: MiddlewareHandler<AuthEnv> = async (c, next) => {
  const token = bearerToken(c.req.header('Authorization'))
  if (!token) throw new ApiError(401, 'unauthorized', 'Sign in to do this.', { 'WWW-Authenticate': 'Bearer' })
  const claims = await verifyAccessToken(token, jwtSecret(c.env, c.req.url))
  if (!claims.ok) {
    const message = claims.error === 'token-expired' ? 'Your sign-in expired; refresh it.' : 'The access token is not valid.'
    throw new ApiError(401, claims.error, message, challenge('invalid_token'))
  }
  const session = await makeDb(c.env.DB)
    .select({ userId: sessions.userId, revokedAtMs: sessions.revokedAtMs })
    .from(sessions)
    .where(eq(sessions.id, claims.value.sessionId))
    .get()
  if (!session || session.revokedAtMs !== null || session.userId !== claims.value.userId) {
    throw new ApiError(401, 'session-revoked', 'This sign-in has ended; sign in again.', challenge('invalid_token'))
  }
  c.set('caller', claims.value)
  await next()
}
