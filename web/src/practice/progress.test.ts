import { describe, expect, it } from 'vitest'
import { accuracy, KNOWN_MASTERY, mastery, recordAttempt, weakestSigns, type SignProgress } from './progress'

const run = (key: string, answers: string, startMs = 1_000) =>
  [...answers].reduce<SignProgress | undefined>((p, a, i) => recordAttempt(p, key, a === '1', startMs + i), undefined)!

describe('progress per sign', () => {
  it('counts attempts, right answers and accuracy', () => {
    const p = run('asl-letters:A', '1101')
    expect(p).toMatchObject({ attempts: 4, correct: 3, recent: '1101', lastAttemptAt: 1_003 })
    expect(accuracy(p)).toBe(0.75)
  })

  it('keeps the current streak and the best one', () => {
    const p = run('asl-letters:A', '1110110')
    expect(p.streak).toBe(0)
    expect(p.bestStreak).toBe(3)
    expect(run('asl-letters:A', '0111').streak).toBe(3)
  })

  it('remembers only the last ten attempts for mastery', () => {
    const p = run('asl-letters:A', '000000000011111111111')
    expect(p.recent).toBe('1111111111')
    expect(p.attempts).toBe(21)
    expect(mastery(p)).toBeGreaterThan(KNOWN_MASTERY)
  })

  it('does not call a sign known after one lucky try, nor unknown after one slip', () => {
    expect(mastery(run('k', '1'))).toBeLessThan(KNOWN_MASTERY)
    expect(mastery(run('k', '1111111110'))).toBeGreaterThan(KNOWN_MASTERY)
    expect(mastery(undefined)).toBe(0)
  })
})

describe('signs to review', () => {
  const progress = [run('A', '1111111111'), run('B', '0001', 5_000), run('C', '0000', 9_000), run('D', '0100', 2_000), run('E', '')].filter(Boolean)

  it('lists attempted signs that are not yet known, weakest first', () => {
    expect(weakestSigns(progress, 10).map((p) => p.key)).toEqual(['C', 'D', 'B'])
  })

  it('breaks ties by the sign practised longest ago', () => {
    const tied = [run('X', '01', 8_000), run('Y', '10', 3_000)]
    expect(weakestSigns(tied, 10).map((p) => p.key)).toEqual(['Y', 'X'])
  })

  it('stops at the limit', () => {
    expect(weakestSigns(progress, 1).map((p) => p.key)).toEqual(['C'])
  })
})
