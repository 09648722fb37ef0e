/**
 * @module `rateLimit()`: 100 API requests a minute per user, per IP for callers who are not
 * signed in; over that, 429 with `Retry-After`. The user is known only from a valid signature:
 * an unverified token would let anyone spend someone else's allowance.
 */
import type { MiddlewareHandler } from 'hono'
import { bearerToken, jwtSecret, verifyAccessToken } from '../auth/tokens'
import type { AppEnv } from '../env'
import { ApiError } from './errors'

export const DEFAULT_REQUESTS_PER_MIN = 100
const WINDOW_MS = 60_000

async function callerKey(c: Parameters<MiddlewareHandler<AppEnv>>[0]): Promise<string> {
  const token = bearerToken(c.req.header('Authorization'))
  if (token) {
    const claims = await verifyAccessToken(token, jwtSecret(c.env, c.req.url))
    if (claims.ok) return `user:${claims.value.userId}`
  }
  return `ip:${c.req.header('CF-Connecting-IP') ?? 'unknown'}`
}

export const rateLimit = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const limit = Number(c.env.RATE_LIMIT_PER_MIN ?? DEFAULT_REQUESTS_PER_MIN)
  const key = await callerKey(c)
  const d = await c.env.LIMITS.get(c.env.LIMITS.idFromName(key)).hit(limit, WINDOW_MS)
  if (!d.allowed) {
    throw new ApiError(429, 'rate-limited', 'Too many requests; wait a moment and try again.', {
      'Retry-After': String(Math.max(1, Math.ceil(d.retryAfterMs / 1000))),
    })
  }
  await next()
  c.header('RateLimit-Policy', `${limit};w=${WINDOW_MS / 1000}`)
  c.header('RateLimit', `limit=${limit}, remaining=${d.remaining}`)
}
