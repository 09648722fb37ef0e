import { describe, expect, it } from 'vitest'
import { makeGuidance } from './guidance'
import { meanLuma } from './frameLight'

function run(samples: { ms: number; hands: number; luma: number }[]) {
  const g = makeGuidance()
  let t = 0
  const seen: string[] = []
  for (const s of samples) {
    for (let end = t + s.ms; t < end; t += 33) {
      const v = g({ t, hands: s.hands, luma: s.luma })
      if (seen[seen.length - 1] !== v) seen.push(v)
    }
  }
  return seen
}

describe('camera guidance', () => {
  it('says nothing while a hand is seen in good light', () => {
    expect(run([{ ms: 5000, hands: 1, luma: 120 }])).toEqual(['ok'])
  })

  it('says "no hand visible" once no hand has been seen for a while, and clears when one appears', () => {
    expect(run([{ ms: 1000, hands: 1, luma: 120 }, { ms: 2000, hands: 0, luma: 120 }, { ms: 500, hands: 1, luma: 120 }])).toEqual(['ok', 'no-hand', 'ok'])
  })

  it('does not flicker when the hand leaves for a moment', () => {
    expect(run([{ ms: 1000, hands: 1, luma: 120 }, { ms: 600, hands: 0, luma: 120 }, { ms: 1000, hands: 1, luma: 120 }])).toEqual(['ok'])
  })

  it('says "too dark" in a dark room rather than "no hand"', () => {
    expect(run([{ ms: 500, hands: 1, luma: 120 }, { ms: 3000, hands: 0, luma: 20 }])).toEqual(['ok', 'too-dark'])
  })

  it('holds "too dark" while the light hovers just above the threshold, until it is clearly better', () => {
    expect(run([{ ms: 2000, hands: 1, luma: 30 }, { ms: 1000, hands: 1, luma: 52 }, { ms: 500, hands: 1, luma: 90 }])).toEqual(['ok', 'too-dark', 'ok'])
  })

  it('measures luma with BT.601 weights', () => {
    expect(meanLuma(new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255]))).toBeCloseTo(127.5)
    expect(meanLuma(new Uint8ClampedArray([0, 255, 0, 255]))).toBeCloseTo(149.685)
  })
})
