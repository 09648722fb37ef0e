import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { meSchema } from '../../../shared/protocol/api/auth'
import { client, expectError, register } from '../../test/api'
import { mailbox } from '../../test/mailbox'

const me = async (a: { client: ReturnType<typeof client>; token: string }) => {
  const r = meSchema.parse(await (await a.client.call('/api/auth/me', { token: a.token })).json())
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

describe('email verification', () => {
  it('marks the email verified with the link sent at sign-up, once', async () => {
    const a = await register()
    expect((await me(a)).emailVerified).toBe(false)
    expect((await client().call('/api/auth/verify-email', { json: { token: a.verifyToken } })).status).toBe(204)
    expect((await me(a)).emailVerified).toBe(true)
    await expectError(await client().call('/api/auth/verify-email', { json: { token: a.verifyToken } }), 400, 'token-invalid')
  })

  it('refuses an expired link', async () => {
    const a = await register()
    await env.DB.prepare('UPDATE one_time_tokens SET expires_at_ms = ? WHERE user_id = ?').bind(Date.now() - 1, a.id).run()
    await expectError(await client().call('/api/auth/verify-email', { json: { token: a.verifyToken } }), 400, 'token-invalid')
    expect((await me(a)).emailVerified).toBe(false)
  })

  it('sends a new link on request, and the old one stops working', async () => {
    const a = await register()
    const box = mailbox()
    expect((await a.client.call('/api/auth/verify-email/send', { method: 'POST', token: a.token })).status).toBe(202)
    const fresh = box.lastToken(a.email)
    await expectError(await client().call('/api/auth/verify-email', { json: { token: a.verifyToken } }), 400, 'token-invalid')
    expect((await client().call('/api/auth/verify-email', { json: { token: fresh } })).status).toBe(204)
  })
})

describe('password reset', () => {
  it('answers 202 for an address with no account, and sends nothing', async () => {
    const box = mailbox()
    expect((await client().call('/api/auth/password-reset', { json: { email: 'nobody@example.org' } })).status).toBe(202)
    expect(box.mails).toEqual([])
  })

  it('sets a new password with the mailed link: every device is signed out, a lock is lifted, the link works once', async () => {
    const a = await register()
    await env.DB.prepare('UPDATE users SET locked_until_ms = ?, failed_logins = 0 WHERE id = ?').bind(Date.now() + 600_000, a.id).run()
    const box = mailbox()
    expect((await client().call('/api/auth/password-reset', { json: { email: a.email } })).status).toBe(202)
    const token = box.lastToken(a.email)
    expect(box.mails.at(-1)!.text).toContain('http://localhost/account/reset?token=')

    await expectError(await client().call('/api/auth/password-reset/confirm', { json: { token, password: 'weak' } }), 400, 'weak-password')
    expect((await client().call('/api/auth/password-reset/confirm', { json: { token, password: 'Brand-new-pass-2' } })).status).toBe(204)
    await expectError(await client().call('/api/auth/password-reset/confirm', { json: { token, password: 'Other-new-pass-3' } }), 400, 'token-invalid')

    await expectError(await a.client.call('/api/auth/me', { token: a.token }), 401, 'session-revoked')
    await expectError(await client().call('/api/auth/login', { json: { email: a.email, password: a.password } }), 401, 'invalid-credentials')
    const login = await client().call('/api/auth/login', { json: { email: a.email, password: 'Brand-new-pass-2' } })
    expect(login.status).toBe(200)
    // Following a link sent to the address proves the address.
    expect(((await login.json()) as { me: { emailVerified: boolean } }).me.emailVerified).toBe(true)
  })

  it('refuses a link past its hour, and a verification link used for a reset', async () => {
    const a = await register()
    const box = mailbox()
    await client().call('/api/auth/password-reset', { json: { email: a.email } })
    const token = box.lastToken(a.email)
    await env.DB.prepare("UPDATE one_time_tokens SET expires_at_ms = ? WHERE purpose = 'reset-password' AND user_id = ?").bind(Date.now() - 1, a.id).run()
    await expectError(await client().call('/api/auth/password-reset/confirm', { json: { token, password: 'Brand-new-pass-2' } }), 400, 'token-invalid')
    await expectError(await client().call('/api/auth/password-reset/confirm', { json: { token: a.verifyToken, password: 'Brand-new-pass-2' } }), 400, 'token-invalid')
  })
})
