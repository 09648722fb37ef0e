import { describe, expect, it } from 'vitest'
import { hashPassword, PBKDF2_ITERATIONS, verifyPassword } from './password'

describe('password hashing', () => {
  it('uses 100,000 PBKDF2 iterations: the most production workerd allows, which local workerd does not enforce', () => {
    expect(PBKDF2_ITERATIONS).toBe(100_000)
  })

  it('hashes with a fresh random salt per user and records the iteration count', async () => {
    const a = await hashPassword('Same-password-1')
    const b = await hashPassword('Same-password-1')
    expect(a.iterations).toBe(PBKDF2_ITERATIONS)
    expect(a.salt).not.toBe(b.salt)
    expect(a.hash).not.toBe(b.hash)
    expect(await verifyPassword('Same-password-1', a)).toBe(true)
    expect(await verifyPassword('Same-password-2', a)).toBe(false)
  })
})
