/**
 * @module An API caller for workerd tests: requests go through the Worker's own fetch handler
 * (real D1, R2 and Durable Objects) from a loopback origin, so the development JWT key applies.
 * Each `client()` has its own IP, so one test's requests never spend another's rate limit.
 */
import { exports } from 'cloudflare:workers'
import { expect, vi } from 'vitest'
import { REFRESH_COOKIE, sessionResponseSchema, type SessionResponse } from '../../shared/protocol/api/auth'
import { HTTP_ERROR_CODES, type ErrorBody, type HttpErrorCode } from '../../shared/protocol/errors'
import { randomId } from '../../shared/protocol/ids'
import { MAIL_LOG_PREFIX } from '../src/auth/mail'

export const ORIGIN = 'http://localhost'
export const STRONG_PASSWORD = 'Correct-horse-7'

export type CallOptions = { method?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string>; token?: string }

export type Client = {
  ip: string
  /** The refresh cookie this client holds, as a browser would keep it. */
  cookie: string | null
  call(path: string, opts?: CallOptions): Promise<Response>
}

const randomIp = () => `10.${crypto.getRandomValues(new Uint8Array(3)).join('.')}`

export function client(): Client {
  const self: Client = {
    ip: randomIp(),
    cookie: null,
    async call(path, opts = {}) {
      const headers: Record<string, string> = { 'CF-Connecting-IP': self.ip, 'User-Agent': 'edge-test', ...opts.headers }
      if (opts.token) headers.Authorization = `Bearer ${opts.token}`
      if (self.cookie) headers.Cookie = `${REFRESH_COOKIE}=${self.cookie}`
      let body = opts.body
      if (opts.json !== undefined) {
        headers['Content-Type'] ??= 'application/json'
        body = JSON.stringify(opts.json)
      }
      const res = await exports.default.fetch(`${ORIGIN}${path}`, { method: opts.method ?? (body ? 'POST' : 'GET'), headers, body })
      const set = res.headers.get('Set-Cookie')
      const m = set ? new RegExp(`${REFRESH_COOKIE}=([^;]*)`).exec(set) : null
      if (m) self.cookie = m[1] || null
      return res
    },
  }
  return self
}

export type Account = {
  client: Client
  email: string
  password: string
  token: string
  id: string
  session: SessionResponse
  /** The token of the verification link the log mailer wrote. */
  verifyToken: string
}

/** Registers a new account; the verification mail it sends is taken off the log rather than printed. */
export async function register(name = 'Ana Test', c: Client = client()): Promise<Account> {
  const email = `${randomId().toLowerCase()}@example.org`
  const mails: string[] = []
  const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    if (args[0] === MAIL_LOG_PREFIX) mails.push(String(args[1]))
  })
  const res = await c.call('/api/auth/register', { json: { email, password: STRONG_PASSWORD, displayName: name } }).finally(() => spy.mockRestore())
  expect(res.status, await res.clone().text()).toBe(201)
  const parsed = sessionResponseSchema.parse(await res.json())
  if (!parsed.ok) throw new Error(`register answered off-contract: ${parsed.error.path} ${parsed.error.message}`)
  const verifyToken = /token=([A-Za-z0-9_-]+)/.exec(mails.join('\n'))?.[1]
  if (!verifyToken) throw new Error('register sent no verification mail')
  return { client: c, email, password: STRONG_PASSWORD, token: parsed.value.accessToken, id: parsed.value.me.id, session: parsed.value, verifyToken }
}

/** Asserts the API's error shape, status and code, and that nothing internal leaks into the message. */
export async function expectError(res: Response, status: number, code: HttpErrorCode): Promise<ErrorBody> {
  expect(res.status).toBe(status)
  expect(res.headers.get('Content-Type')).toMatch(/^application\/json/)
  const body = (await res.json()) as ErrorBody
  expect(body).toEqual({ error: { code, message: expect.any(String) } })
  expect(HTTP_ERROR_CODES).toContain(body.error.code)
  expect(body.error.message).not.toMatch(/at .*\.ts:\d+|SQLITE|D1_/)
  return body
}
