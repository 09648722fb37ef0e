import { describe, expect, it } from 'vitest'
import { RECONNECT_BASE_MS, RECONNECT_MAX_MS, reconnectDelayMs } from './backoff'

describe('reconnectDelayMs', () => {
  it('retries the first time within one base step', () => {
    expect(reconnectDelayMs(0, () => 0)).toBe(RECONNECT_BASE_MS / 2)
    expect(reconnectDelayMs(0, () => 1)).toBe(RECONNECT_BASE_MS)
  })

  it('doubles the step with every failed attempt', () => {
    const upper = [0, 1, 2, 3].map((a) => reconnectDelayMs(a, () => 1))
    expect(upper).toEqual([400, 800, 1_600, 3_200])
  })

  it('never waits longer than the cap, however many attempts failed', () => {
    expect(reconnectDelayMs(50, () => 1)).toBe(RECONNECT_MAX_MS)
    expect(reconnectDelayMs(1_000, () => 0.999)).toBeLessThanOrEqual(RECONNECT_MAX_MS)
  })

  it('never retries sooner than half its step, so a crowd spreads out but does not stampede', () => {
    for (let attempt = 0; attempt < 10; attempt++) {
      const step = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** attempt)
      const delay = reconnectDelayMs(attempt)
      expect(delay).toBeGreaterThanOrEqual(step / 2)
      expect(delay).toBeLessThanOrEqual(step)
    }
  })

  it('spreads clients that fail at the same moment', () => {
    const delays = new Set(Array.from({ length: 50 }, () => reconnectDelayMs(4)))
    expect(delays.size).toBeGreaterThan(10)
  })
})
