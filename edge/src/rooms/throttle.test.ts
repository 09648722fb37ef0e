import { describe, expect, it } from 'vitest'
import { BURST_FRAMES, MAX_DROPS_BEFORE_CLOSE, REFILL_FRAMES_PER_S, WARN_INTERVAL_MS, frameCost, makeBucket, take, type Bucket, type Verdict } from './throttle'

function flood(bucket: Bucket, nowMs: number, frames: number) {
  const verdicts: Verdict[] = []
  for (let i = 0; i < frames; i++) {
    const r = take(bucket, nowMs, 1)
    bucket = r.bucket
    verdicts.push(r.verdict)
  }
  return { bucket, verdicts }
}

describe('the flood guard', () => {
  it(`lets a burst of ${BURST_FRAMES} frames through at once`, () => {
    const { verdicts } = flood(makeBucket(0), 0, BURST_FRAMES)
    expect(verdicts.every((v) => v === 'pass')).toBe(true)
  })

  it('drops frames past the burst, warning once and then staying quiet within a second', () => {
    const { verdicts } = flood(makeBucket(0), 0, BURST_FRAMES + 10)
    expect(verdicts.slice(BURST_FRAMES)).toEqual(['warn', ...Array(9).fill('drop')])
  })

  it('warns again after a second of flooding', () => {
    const first = flood(makeBucket(0), 0, BURST_FRAMES + 1)
    const later = flood(first.bucket, WARN_INTERVAL_MS, REFILL_FRAMES_PER_S + 1)
    expect(later.verdicts.at(-1)).toBe('warn')
  })

  it(`refills at ${REFILL_FRAMES_PER_S} frames a second`, () => {
    const empty = flood(makeBucket(0), 0, BURST_FRAMES).bucket
    const { verdicts } = flood(empty, 100, REFILL_FRAMES_PER_S / 10 + 1)
    expect(verdicts.filter((v) => v === 'pass')).toHaveLength(REFILL_FRAMES_PER_S / 10)
  })

  it(`closes a socket after ${MAX_DROPS_BEFORE_CLOSE} drops without recovering`, () => {
    const { verdicts } = flood(makeBucket(0), 0, BURST_FRAMES + MAX_DROPS_BEFORE_CLOSE + 1)
    expect(verdicts.at(-2)).not.toBe('close')
    expect(verdicts.at(-1)).toBe('close')
  })

  it('forgives past drops once the socket calms down and the bucket is half full again', () => {
    const burst = flood(makeBucket(0), 0, BURST_FRAMES + 100).bucket
    expect(burst.drops).toBe(100)
    const calm = take(burst, 10_000, 1).bucket
    expect(calm.drops).toBe(0)
  })

  it('charges a large frame more than a small one', () => {
    expect(frameCost(200)).toBe(1)
    expect(frameCost(65_536)).toBe(5)
  })
})
