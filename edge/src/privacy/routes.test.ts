import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { randomId } from '../../../shared/protocol/ids'
import { client, expectError, register, type Account } from '../../test/api'
import { befriend, openApp } from '../../test/hubClient'
import { userObjectsPrefix } from '../profiles/avatarKeys'
import { sha256Hex } from './deleteAccount'

const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (ch) =>
  ch.charCodeAt(0),
)

/** Gives an account one of everything: avatar, contact, a call with chat, a second session. */
async function busyAccount(): Promise<{ a: Account; b: Account; callId: string }> {
  const a = await register('Ada Lovelace')
  const b = await register('Ben')
  await a.client.call('/api/profile/avatar', { method: 'PUT', token: a.token, body: PNG })
  await befriend(a, b)
  const callId = randomId()
  await a.client.call(`/api/calls/${callId}/join`, { token: a.token, json: { displayName: 'Ada' } })
  await b.client.call(`/api/calls/${callId}/join`, { token: b.token, json: { displayName: 'Ben' } })
  await a.client.call(`/api/calls/${callId}/messages`, { token: a.token, json: { text: 'my words' } })
  await b.client.call(`/api/calls/${callId}/messages`, { token: b.token, json: { text: 'his words' } })
  await client().call('/api/auth/login', { json: { email: a.email, password: a.password } })
  return { a, b, callId }
}

/** Every row in every table that mentions the user, by id or email. */
async function rowsMentioning(userId: string, email: string): Promise<string[]> {
  const tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'").all<{ name: string }>()
  const found: string[] = []
  for (const { name } of tables.results) {
    const rows = await env.DB.prepare(`SELECT * FROM "${name}"`).all()
    for (const row of rows.results) {
      const text = JSON.stringify(row)
      if (text.includes(userId) || text.includes(email)) found.push(`${name}: ${text}`)
    }
  }
  return found
}

describe('GET /api/privacy/export', () => {
  it('returns everything held about me as a JSON download, and nothing of anyone else’s', async () => {
    const { a, b, callId } = await busyAccount()
    const res = await a.client.call('/api/privacy/export', { token: a.token })
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="silenttalk-export.json"')
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const data = (await res.json()) as Record<string, any>
    expect(data.account).toMatchObject({ id: a.id, email: a.email })
    expect(data.profile).toMatchObject({ displayName: 'Ada Lovelace' })
    expect(data.avatar).toEqual({ contentType: 'image/png', base64: btoa(String.fromCharCode(...PNG)) })
    expect(data.sessions).toHaveLength(2)
    expect(data.contacts).toEqual([expect.objectContaining({ userId: b.id, state: 'accepted' })])
    expect(data.calls).toEqual([expect.objectContaining({ id: callId, participants: ['Ada', 'Ben'] })])
    expect(data.messages.map((m: { text: string }) => m.text)).toEqual(['my words'])
    expect(data.auditLog.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['register', 'login', 'privacy-export']))
    expect(JSON.stringify(data)).not.toContain('his words')
    expect(JSON.stringify(data)).not.toContain(b.email)
    expect(JSON.stringify(data)).not.toMatch(/password|token_hash|tokenHash/i)
  })

  it('needs a signed-in user', async () => {
    await expectError(await client().call('/api/privacy/export'), 401, 'unauthorized')
  })
})

describe('DELETE /api/privacy/account', () => {
  it('needs the password, and a wrong one deletes nothing and counts toward the lockout', async () => {
    const a = await register()
    await expectError(await a.client.call('/api/privacy/account', { method: 'DELETE', token: a.token, json: { password: 'Wrong-pass-1' } }), 401, 'invalid-credentials')
    await expectError(await a.client.call('/api/privacy/account', { method: 'DELETE', token: a.token, json: {} }), 400, 'bad-request')
    expect(await env.DB.prepare('SELECT failed_logins FROM users WHERE id = ?').bind(a.id).first('failed_logins')).toBe(1)
    expect((await a.client.call('/api/auth/me', { token: a.token })).status).toBe(200)
  })

  it('removes every row and stored object of mine, leaving only a hashed audit entry', async () => {
    const { a, b, callId } = await busyAccount()
    const aApp = await openApp(a)
    const bApp = await openApp(b)
    expect(await rowsMentioning(a.id, a.email)).not.toEqual([])

    const res = await a.client.call('/api/privacy/account', { method: 'DELETE', token: a.token, json: { password: a.password } })
    expect(res.status).toBe(204)
    expect(res.headers.get('Set-Cookie')).toMatch(/Max-Age=0/)

    expect(await rowsMentioning(a.id, a.email)).toEqual([])
    expect((await env.FILES.list({ prefix: userObjectsPrefix(a.id) })).objects).toEqual([])
    const trace = await env.DB.prepare("SELECT * FROM audit_log WHERE action = 'account-deleted' AND user_hash = ?").bind(await sha256Hex(a.id)).all()
    expect(trace.results).toEqual([expect.objectContaining({ user_id: null, ip: null, user_agent: null })])

    // Signed out everywhere, and the other side sees them gone.
    await aApp.next('signed-out')
    await bApp.next('contacts-changed')
    await expectError(await a.client.call('/api/auth/me', { token: a.token }), 401, 'session-revoked')
    await expectError(await client().call('/api/auth/login', { json: { email: a.email, password: a.password } }), 401, 'invalid-credentials')

    // Ben keeps his history of the call and what he said in it.
    const detail = (await (await b.client.call(`/api/history/${callId}`, { token: b.token })).json()) as { messages: { text: string }[] }
    expect(detail.messages.map((m) => m.text)).toEqual(['his words'])
  })

  it('lets the address be used again after deletion', async () => {
    const a = await register()
    await a.client.call('/api/privacy/account', { method: 'DELETE', token: a.token, json: { password: a.password } })
    const again = await client().call('/api/auth/register', { json: { email: a.email, password: a.password, displayName: 'New me' } })
    expect(again.status).toBe(201)
  })
})
