import { describe, expect, it } from 'vitest'
import { client, expectError, register } from '../../test/api'
import { DEFAULT_REQUESTS_PER_MIN } from './rateLimit'

// A hundred requests per case: on a busy two-core machine that can take longer than the default 5 s.
describe('API rate limit', { timeout: 30_000 }, () => {
  it('lets a signed-out caller make 100 requests a minute from one IP, then answers 429 with Retry-After', async () => {
    const c = client()
    for (let i = 0; i < DEFAULT_REQUESTS_PER_MIN; i++) {
      const res = await c.call('/api/contacts')
      expect(res.status).toBe(401)
    }
    const limited = await c.call('/api/contacts')
    await expectError(limited.clone(), 429, 'rate-limited')
    const retryAfterS = Number(limited.headers.get('Retry-After'))
    expect(retryAfterS).toBeGreaterThan(0)
    expect(retryAfterS).toBeLessThanOrEqual(60)
    // Another IP is not affected.
    expect((await client().call('/api/contacts')).status).toBe(401)
  })

  it('counts a signed-in user across IPs, and their allowance is theirs alone', async () => {
    const a = await register()
    const b = await register()
    for (let i = 0; i < DEFAULT_REQUESTS_PER_MIN; i++) {
      const fromAnywhere = client()
      expect((await fromAnywhere.call('/api/profile', { token: a.token })).status).toBe(200)
    }
    await expectError(await client().call('/api/profile', { token: a.token }), 429, 'rate-limited')
    expect((await b.client.call('/api/profile', { token: b.token })).status).toBe(200)
  })

  it('does not charge a user for requests carrying a forged token: those count against the IP', async () => {
    const a = await register()
    const forged = `${a.token.slice(0, -4)}AAAA`
    const c = client()
    for (let i = 0; i < 5; i++) await expectError(await c.call('/api/profile', { token: forged }), 401, 'token-invalid')
    const res = await a.client.call('/api/profile', { token: a.token })
    expect(res.headers.get('RateLimit')).toBe(`limit=${DEFAULT_REQUESTS_PER_MIN}, remaining=${DEFAULT_REQUESTS_PER_MIN - 1}`)
  })
})
