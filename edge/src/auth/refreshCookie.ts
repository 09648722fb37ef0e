/**
 * @module The refresh-token cookie: HttpOnly (page script cannot read it), SameSite=Strict (no
 * other site can make the browser send it) and scoped to `/api/auth`, the only routes that read it.
 */
import type { Context } from 'hono'
import { generateCookie, getCookie } from 'hono/cookie'
import { REFRESH_COOKIE, REFRESH_TOKEN_TTL_S } from '../../../shared/protocol/api/auth'

const PATH = '/api/auth'

// Secure only over HTTPS: browsers drop Secure cookies set over plain http://127.0.0.1 (`npm start`).
const secure = (requestUrl: string) => new URL(requestUrl).protocol === 'https:'

export const refreshCookie = (token: string, requestUrl: string): string =>
  generateCookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    secure: secure(requestUrl),
    sameSite: 'Strict',
    path: PATH,
    maxAge: REFRESH_TOKEN_TTL_S,
  })

export const clearedRefreshCookie = (requestUrl: string): string =>
  generateCookie(REFRESH_COOKIE, '', { httpOnly: true, secure: secure(requestUrl), sameSite: 'Strict', path: PATH, maxAge: 0 })

export const readRefreshCookie = (c: Context): string | null => {
  const value = getCookie(c, REFRESH_COOKIE)
  return value && /^[A-Za-z0-9_-]{20,200}$/.test(value) ? value : null
}
