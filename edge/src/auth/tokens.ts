/**
 * @module Signed tokens: 30-minute access tokens and 60-second presence-socket tickets, both JWT
 * HS256 (WebCrypto HMAC, through hono/jwt). Each carries an `aud` naming its one purpose, so a
 * ticket can never be replayed as an access token or the reverse.
 */
import { sign, verify } from 'hono/jwt'
import { JwtTokenExpired } from 'hono/utils/jwt/types'
import { err, ok, type Result } from '../../../shared/result'
import { ACCESS_TOKEN_TTL_S } from '../../../shared/protocol/api/auth'
import type { Env } from '../env'

export const PRESENCE_TICKET_TTL_S = 60
/** Used only when JWT_SECRET is unset and the request came to a loopback address (`npm start`, tests). */
const DEV_JWT_SECRET = 'silenttalk-local-development-only-secret'
const MIN_SECRET_CHARS = 32
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

type Audience = 'access' | 'presence-socket'
export type TokenClaims = { userId: string; sessionId: string }
export type TokenProblem = 'token-expired' | 'token-invalid'

/**
 * The signing key. In production it is a secret (`wrangler secret put JWT_SECRET`); a missing or
 * short one there is a deployment bug, so this throws and the request gets a bare 500.
 */
export function jwtSecret(env: Pick<Env, 'JWT_SECRET'>, requestUrl: string): string {
  if (env.JWT_SECRET) {
    if (env.JWT_SECRET.length < MIN_SECRET_CHARS) throw new Error(`JWT_SECRET must be at least ${MIN_SECRET_CHARS} characters`)
    return env.JWT_SECRET
  }
  if (LOOPBACK_HOSTS.has(new URL(requestUrl).hostname)) return DEV_JWT_SECRET
  throw new Error('JWT_SECRET is not set: run `wrangler secret put JWT_SECRET`')
}

async function signToken(aud: Audience, claims: TokenClaims, secret: string, nowMs: number, ttlS: number) {
  const iat = Math.floor(nowMs / 1000)
  const exp = iat + ttlS
  const token = await sign({ sub: claims.userId, sid: claims.sessionId, aud, iat, exp }, secret, 'HS256')
  return { token, expiresAtMs: exp * 1000 }
}

async function verifyToken(aud: Audience, token: string, secret: string): Promise<Result<TokenClaims, TokenProblem>> {
  try {
    const payload = await verify(token, secret, { alg: 'HS256', aud })
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return err('token-invalid')
    return ok({ userId: payload.sub, sessionId: payload.sid })
  } catch (e) {
    return err(e instanceof JwtTokenExpired ? 'token-expired' : 'token-invalid')
  }
}

export const signAccessToken = (claims: TokenClaims, secret: string, nowMs = Date.now()) =>
  signToken('access', claims, secret, nowMs, ACCESS_TOKEN_TTL_S)
export const verifyAccessToken = (token: string, secret: string) => verifyToken('access', token, secret)

export const signPresenceTicket = (claims: TokenClaims, secret: string, nowMs = Date.now()) =>
  signToken('presence-socket', claims, secret, nowMs, PRESENCE_TICKET_TTL_S)
export const verifyPresenceTicket = (token: string, secret: string) => verifyToken('presence-socket', token, secret)

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer ([A-Za-z0-9_.-]{1,4096})$/.exec(header ?? '')
  return m ? m[1]! : null
}
