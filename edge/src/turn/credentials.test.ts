import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { TURN_TTL_S, mintTurnCredential } from './credentials'

describe('TURN REST credentials', () => {
  it('names the user <expiry unix seconds>:<id>, the expiry being now plus the TTL', async () => {
    const c = await mintTurnCredential({ secret: 's3cret', nowS: 1_700_000_000.7, ttlS: TURN_TTL_S, id: 'abc' })
    expect(c.username).toBe(`${1_700_000_000 + TURN_TTL_S}:abc`)
    expect(c.expiresAtS).toBe(1_700_000_000 + TURN_TTL_S)
  })

  it('sets the password to base64(HMAC-SHA1(secret, username)), as an independent HMAC computes it', async () => {
    const c = await mintTurnCredential({ secret: 'north-star', nowS: 1_800_000_000, ttlS: 60, id: 'peer-1' })
    const expected = createHmac('sha1', 'north-star').update(c.username).digest('base64')
    expect(c.credential).toBe(expected)
  })

  it('matches openssl for secret "secret" and user "1234:alice"', async () => {
    // `echo -n 1234:alice | openssl dgst -sha1 -hmac secret -binary | base64`
    const c = await mintTurnCredential({ secret: 'secret', nowS: 1234 - 60, ttlS: 60, id: 'alice' })
    expect(c).toMatchObject({ username: '1234:alice', credential: 'ferM2/YiN8S4hgjYkBHN3obeZvs=' })
  })

  it('gives a different password for a different secret or user', async () => {
    const a = await mintTurnCredential({ secret: 'one', nowS: 0, ttlS: 60, id: 'x' })
    const b = await mintTurnCredential({ secret: 'two', nowS: 0, ttlS: 60, id: 'x' })
    const c = await mintTurnCredential({ secret: 'one', nowS: 0, ttlS: 60, id: 'y' })
    expect(new Set([a.credential, b.credential, c.credential]).size).toBe(3)
  })
})
