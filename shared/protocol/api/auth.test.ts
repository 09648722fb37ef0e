import { describe, expect, it } from 'vitest'
import { normalizeEmail, passwordProblems } from './auth'

describe('password rules', () => {
  it('accepts 8+ characters with upper, lower, digit and symbol', () => {
    expect(passwordProblems('Correct-horse-7')).toEqual([])
  })

  it('names every rule a password breaks', () => {
    expect(passwordProblems('abc')).toEqual(['too-short', 'no-upper', 'no-digit', 'no-symbol'])
  })

  it('counts letters and digits of any script, and characters rather than UTF-16 units', () => {
    expect(passwordProblems('Ñandú-٣٤x')).toEqual([])
    expect(passwordProblems('Aa1!😀😀😀')).toEqual(['too-short'])
  })

  it('does not count a space as a symbol', () => {
    expect(passwordProblems('Abcdefg 1')).toEqual(['no-symbol'])
  })
})

describe('normalizeEmail', () => {
  it('trims and lower-cases, so one address is one account', () => {
    expect(normalizeEmail('  Ada@Example.ORG ')).toBe('ada@example.org')
  })
})
