import { describe, expect, it } from 'vitest'
import { decide } from './slidingWindow'

describe('sliding-window rate limit', () => {
  it('allows up to the limit within the window and counts what remains', () => {
    let log: number[] = []
    for (let i = 0; i < 3; i++) {
      const d = decide(log, 1_000 + i, 3, 60_000)
      expect(d).toMatchObject({ allowed: true, remaining: 2 - i })
      log = d.log
    }
    expect(decide(log, 1_010, 3, 60_000)).toMatchObject({ allowed: false, remaining: 0 })
  })

  it('says how long until the oldest request leaves the window', () => {
    const d = decide([1_000, 2_000, 3_000], 31_000, 3, 60_000)
    expect(d).toMatchObject({ allowed: false, retryAfterMs: 30_000 })
  })

  it('allows again once requests age out, and does not record refused ones', () => {
    const refused = decide([1_000, 2_000], 5_000, 2, 60_000)
    expect(refused.log).toEqual([1_000, 2_000])
    expect(decide(refused.log, 61_001, 2, 60_000)).toMatchObject({ allowed: true, log: [2_000, 61_001] })
  })
})
