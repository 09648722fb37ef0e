import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { ACCESS_TOKEN_TTL_S, meSchema, sessionListSchema, sessionResponseSchema } from '../../../shared/protocol/api/auth'
import { client, expectError, register, STRONG_PASSWORD } from '../../test/api'
import { signAccessToken, signPresenceTicket } from './tokens'

const DEV_SECRET = 'silenttalk-local-development-only-secret'

const auditActions = async (userId: string) =>
  (await env.DB.prepare('SELECT action FROM audit_log WHERE user_id = ? ORDER BY id').bind(userId).all<{ action: string }>()).results.map(
    (r) => r.action,
  )

describe('register', () => {
  it('creates the account and signs in: access token for 30 minutes, refresh token only in an HttpOnly cookie', async () => {
    const c = client()
    const res = await c.call('/api/auth/register', {
      json: { email: '  Mixed.Case@Example.org ', password: STRONG_PASSWORD, displayName: 'Ana', signLanguage: 'bfi' },
    })
    expect(res.status).toBe(201)
    const cookie = res.headers.get('Set-Cookie')!
    expect(cookie).toMatch(/^st_refresh=[A-Za-z0-9_-]{43};/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    expect(cookie).toMatch(/Path=\/api\/auth/)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const body = sessionResponseSchema.parse(await res.json())
    if (!body.ok) throw new Error(body.error.message)
    expect(JSON.stringify(body.value)).not.toContain(c.cookie!)
    expect(body.value.me).toMatchObject({ email: 'mixed.case@example.org', emailVerified: false, profile: { displayName: 'Ana', signLanguage: 'bfi' } })
    expect(body.value.accessExpiresAtMs - Date.now()).toBeGreaterThan((ACCESS_TOKEN_TTL_S - 60) * 1000)
    expect(body.value.accessExpiresAtMs - Date.now()).toBeLessThanOrEqual(ACCESS_TOKEN_TTL_S * 1000)
    expect(await auditActions(body.value.me.id)).toEqual(['register'])
  })

  it('stores the password as a salted PBKDF2 hash, never as given', async () => {
    const a = await register()
    const row = await env.DB.prepare('SELECT * FROM users WHERE id = ?').bind(a.id).first<Record<string, unknown>>()
    expect(JSON.stringify(row)).not.toContain(STRONG_PASSWORD)
    expect(row).toMatchObject({ password_iterations: 100_000, password_salt: expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/) })
  })

  it('refuses a second account for the same address, whatever its case: 409 email-taken', async () => {
    const a = await register()
    const res = await client().call('/api/auth/register', { json: { email: a.email.toUpperCase(), password: STRONG_PASSWORD, displayName: 'B' } })
    await expectError(res, 409, 'email-taken')
  })

  it.each([
    ['Short-1', /at least 8 characters/],
    ['alllowercase-1', /upper-case/],
    ['ALLUPPERCASE-1', /lower-case/],
    ['No-digits-here', /a digit/],
    ['NoSymbols123', /a symbol/],
  ])('refuses the weak password %s with 400 weak-password naming the rule', async (password, rule) => {
    const res = await client().call('/api/auth/register', { json: { email: 'weak@example.org', password, displayName: 'W' } })
    const body = await expectError(res, 400, 'weak-password')
    expect(body.error.message).toMatch(rule)
  })

  it('stores script and SQL as inert text and returns them as JSON strings', async () => {
    const name = `<script>alert(1)</script>'); DROP TABLE users;--`
    const a = await register(name)
    expect(a.session.me.profile.displayName).toBe(name)
    const res = await a.client.call('/api/auth/me', { token: a.token })
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/)
    expect(meSchema.parse(await res.json())).toMatchObject({ ok: true, value: { profile: { displayName: name } } })
    expect(await env.DB.prepare('SELECT count(*) AS n FROM users').first('n')).toBeGreaterThan(0)
  })
})

describe('bad request bodies', () => {
  const c = client()
  const post = (init: { body?: string; headers?: Record<string, string> }) =>
    c.call('/api/auth/login', { method: 'POST', body: init.body, headers: { 'Content-Type': 'application/json', ...init.headers } })

  it('answers malformed JSON with 400 bad-json', async () => {
    await expectError(await post({ body: '{"email": "a@b.co", ' }), 400, 'bad-json')
  })

  it('answers a wrong type with 400 bad-request naming the field', async () => {
    const body = await expectError(await post({ body: JSON.stringify({ email: 'a@b.co', password: 12345678 }) }), 400, 'bad-request')
    expect(body.error.message).toMatch(/^password /)
  })

  it('refuses fields the contract does not have', async () => {
    const body = await expectError(await post({ body: JSON.stringify({ email: 'a@b.co', password: 'x', admin: true }) }), 400, 'bad-request')
    expect(body.error.message).toMatch(/^admin /)
  })

  it('refuses a body that is not declared as JSON with 415', async () => {
    await expectError(await post({ body: 'email=a@b.co', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported-media-type')
  })

  it('refuses an oversized body with 413 before reading it', async () => {
    await expectError(await post({ body: JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(40_000) }) }), 413, 'payload-too-large')
  })

  it('refuses a body that is not UTF-8 with 400 bad-json', async () => {
    const res = await c.call('/api/auth/login', { method: 'POST', body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), headers: { 'Content-Type': 'application/json' } })
    await expectError(res, 400, 'bad-json')
  })
})

describe('login and lockout', () => {
  it('signs in with the right password and opens a new session', async () => {
    const a = await register()
    const res = await client().call('/api/auth/login', { json: { email: a.email.toUpperCase(), password: a.password } })
    expect(res.status).toBe(200)
    expect(sessionResponseSchema.parse(await res.json())).toMatchObject({ ok: true, value: { me: { id: a.id } } })
    expect(await env.DB.prepare('SELECT count(*) AS n FROM sessions WHERE user_id = ?').bind(a.id).first('n')).toBe(2)
  })

  it('gives the same 401 for a wrong password and an unknown address', async () => {
    const a = await register()
    const wrong = await expectError(await client().call('/api/auth/login', { json: { email: a.email, password: 'Wrong-pass-1' } }), 401, 'invalid-credentials')
    const unknown = await expectError(await client().call('/api/auth/login', { json: { email: 'nobody@example.org', password: 'Wrong-pass-1' } }), 401, 'invalid-credentials')
    expect(unknown.error.message).toBe(wrong.error.message)
  })

  it('locks the account for 15 minutes after five failed sign-ins, refusing even the right password', async () => {
    const a = await register()
    const c = client()
    for (let i = 1; i <= 4; i++) await expectError(await c.call('/api/auth/login', { json: { email: a.email, password: `Wrong-pass-${i}` } }), 401, 'invalid-credentials')
    const fifth = await c.call('/api/auth/login', { json: { email: a.email, password: 'Wrong-pass-5' } })
    await expectError(fifth.clone(), 423, 'account-locked')
    expect(Number(fifth.headers.get('Retry-After'))).toBe(15 * 60)
    const right = await c.call('/api/auth/login', { json: { email: a.email, password: a.password } })
    await expectError(right.clone(), 423, 'account-locked')
    expect(Number(right.headers.get('Retry-After'))).toBeGreaterThan(14 * 60)
    expect(await auditActions(a.id)).toEqual(['register', 'login-failed', 'login-failed', 'login-failed', 'login-failed', 'account-locked'])

    // Fifteen minutes later (the lock moved into the past), the right password works and the count starts over.
    await env.DB.prepare('UPDATE users SET locked_until_ms = ? WHERE id = ?').bind(Date.now() - 1, a.id).run()
    expect((await c.call('/api/auth/login', { json: { email: a.email, password: a.password } })).status).toBe(200)
    expect(await env.DB.prepare('SELECT failed_logins FROM users WHERE id = ?').bind(a.id).first('failed_logins')).toBe(0)
  })
})

describe('access tokens', () => {
  it('lets the holder in: GET /api/auth/me', async () => {
    const a = await register('Me Myself')
    const res = await a.client.call('/api/auth/me', { token: a.token })
    expect(res.status).toBe(200)
    expect(meSchema.parse(await res.json())).toMatchObject({ ok: true, value: { id: a.id, profile: { displayName: 'Me Myself' } } })
  })

  it('answers no token with 401 unauthorized and a Bearer challenge', async () => {
    const res = await client().call('/api/auth/me')
    await expectError(res.clone(), 401, 'unauthorized')
    expect(res.headers.get('WWW-Authenticate')).toBe('Bearer')
  })

  it('refuses a token whose payload was tampered with: 401 token-invalid', async () => {
    const a = await register()
    const [header, payload, signature] = a.token.split('.')
    const claims = JSON.parse(atob(payload!.replace(/-/g, '+').replace(/_/g, '/')))
    const forged = btoa(JSON.stringify({ ...claims, sub: 'AAAAAAAAAAAAAAAAAAAAAA' })).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
    await expectError(await a.client.call('/api/auth/me', { token: `${header}.${forged}.${signature}` }), 401, 'token-invalid')
  })

  it('refuses a token signed with another key, or with no signature (alg none): 401 token-invalid', async () => {
    const a = await register()
    const other = await signAccessToken({ userId: a.id, sessionId: 'x' }, 'some-other-key-that-is-long-enough-000')
    await expectError(await a.client.call('/api/auth/me', { token: other.token }), 401, 'token-invalid')
    const none = `${btoa('{"alg":"none","typ":"JWT"}').replace(/=+$/, '')}.${a.token.split('.')[1]}.`
    await expectError(await a.client.call('/api/auth/me', { token: none }), 401, 'token-invalid')
  })

  it('refuses an expired token with 401 token-expired', async () => {
    const a = await register()
    const old = await signAccessToken({ userId: a.id, sessionId: a.session.me.id }, DEV_SECRET, Date.now() - (ACCESS_TOKEN_TTL_S + 5) * 1000)
    const res = await a.client.call('/api/auth/me', { token: old.token })
    await expectError(res.clone(), 401, 'token-expired')
    expect(res.headers.get('WWW-Authenticate')).toBe('Bearer error="invalid_token"')
  })

  it('refuses a presence ticket used as an access token', async () => {
    const a = await register()
    const sid = (await env.DB.prepare('SELECT id FROM sessions WHERE user_id = ?').bind(a.id).first<string>('id'))!
    const ticket = await signPresenceTicket({ userId: a.id, sessionId: sid }, DEV_SECRET)
    await expectError(await a.client.call('/api/auth/me', { token: ticket.token }), 401, 'token-invalid')
  })
})

describe('refresh', () => {
  it('rotates the refresh token on every use and returns a fresh access token', async () => {
    const a = await register()
    const first = a.client.cookie
    const res = await a.client.call('/api/auth/refresh', { method: 'POST' })
    expect(res.status).toBe(200)
    expect(a.client.cookie).not.toBe(first)
    const body = sessionResponseSchema.parse(await res.json())
    expect(body.ok && body.value.me.id).toBe(a.id)
    expect(await env.DB.prepare('SELECT count(*) AS n FROM refresh_tokens WHERE used_at_ms IS NULL').first('n')).toBeGreaterThan(0)
  })

  it('treats a second use of a refresh token as theft: 401 refresh-reused, and the whole session ends', async () => {
    const a = await register()
    const stolen = a.client.cookie
    expect((await a.client.call('/api/auth/refresh', { method: 'POST' })).status).toBe(200)
    const thief = client()
    thief.cookie = stolen
    const res = await thief.call('/api/auth/refresh', { method: 'POST' })
    await expectError(res.clone(), 401, 'refresh-reused')
    expect(res.headers.get('Set-Cookie')).toMatch(/Max-Age=0/)
    // The owner's newer token is dead too, and so is the access token of that session.
    await expectError(await a.client.call('/api/auth/refresh', { method: 'POST' }), 401, 'session-revoked')
    await expectError(await a.client.call('/api/auth/me', { token: a.token }), 401, 'session-revoked')
    expect(await auditActions(a.id)).toContain('refresh-reuse')
  })

  it('refuses an expired refresh token with 401 token-expired', async () => {
    const a = await register()
    await env.DB.prepare('UPDATE refresh_tokens SET expires_at_ms = ? WHERE session_id IN (SELECT id FROM sessions WHERE user_id = ?)')
      .bind(Date.now() - 1, a.id)
      .run()
    await expectError(await a.client.call('/api/auth/refresh', { method: 'POST' }), 401, 'token-expired')
  })

  it('refuses a made-up refresh token with 401 token-invalid and no cookie with 401 unauthorized', async () => {
    const c = client()
    await expectError(await c.call('/api/auth/refresh', { method: 'POST' }), 401, 'unauthorized')
    c.cookie = 'A'.repeat(43)
    await expectError(await c.call('/api/auth/refresh', { method: 'POST' }), 401, 'token-invalid')
  })
})

describe('sessions and sign-out', () => {
  it('signs out: the session is revoked, its access and refresh tokens stop working, the cookie is cleared', async () => {
    const a = await register()
    const cookie = a.client.cookie
    const res = await a.client.call('/api/auth/logout', { method: 'POST', token: a.token })
    expect(res.status).toBe(204)
    expect(res.headers.get('Set-Cookie')).toMatch(/Max-Age=0/)
    await expectError(await a.client.call('/api/auth/me', { token: a.token }), 401, 'session-revoked')
    a.client.cookie = cookie
    expect((await a.client.call('/api/auth/refresh', { method: 'POST' })).status).toBe(401)
    expect(await auditActions(a.id)).toContain('logout')
  })

  it('lists the signed-in devices and signs out another one', async () => {
    const a = await register()
    const phone = client()
    const login = await phone.call('/api/auth/login', { json: { email: a.email, password: a.password }, headers: { 'User-Agent': 'Phone' } })
    const phoneToken = ((await login.json()) as { accessToken: string }).accessToken
    const list = sessionListSchema.parse(await (await a.client.call('/api/auth/sessions', { token: a.token })).json())
    if (!list.ok) throw new Error(list.error.message)
    expect(list.value.sessions).toHaveLength(2)
    const other = list.value.sessions.find((s) => !s.current)!
    expect(other.userAgent).toBe('Phone')
    expect((await a.client.call(`/api/auth/sessions/${other.id}`, { method: 'DELETE', token: a.token })).status).toBe(204)
    await expectError(await phone.call('/api/auth/me', { token: phoneToken }), 401, 'session-revoked')
  })

  it("cannot sign out someone else's session", async () => {
    const a = await register()
    const b = await register()
    const bSession = (await env.DB.prepare('SELECT id FROM sessions WHERE user_id = ?').bind(b.id).first<string>('id'))!
    await expectError(await a.client.call(`/api/auth/sessions/${bSession}`, { method: 'DELETE', token: a.token }), 404, 'not-found')
    expect((await b.client.call('/api/auth/me', { token: b.token })).status).toBe(200)
  })
})
