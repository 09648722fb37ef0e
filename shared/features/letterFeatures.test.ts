import { describe, expect, it } from 'vitest'
import fixtures from './fixtures/mit-observations.json'
import golden from './fixtures/golden-features.json'
import { LETTER_FEATURE_SIZE, letterFeatures } from './letterFeatures'
import type { HandObservation } from './observation'

const frames = fixtures.letters.map((l) => ({ label: l.label, hand: l.observation.hands[0] as HandObservation, aspect: l.observation.aspect }))
const byLabel = (label: string) => frames.find((f) => f.label === label)!

function rotate(hand: HandObservation, aspect: number, deg: number): HandObservation {
  const r = (deg * Math.PI) / 180
  const w = hand.landmarks[0]!
  return {
    ...hand,
    landmarks: hand.landmarks.map((p) => {
      const x = (p.x - w.x) * aspect
      const y = p.y - w.y
      return { x: w.x + (Math.cos(r) * x - Math.sin(r) * y) / aspect, y: w.y + Math.sin(r) * x + Math.cos(r) * y, z: p.z }
    }),
  }
}

describe('letterFeatures', () => {
  it('has the documented size', () => {
    expect(letterFeatures(byLabel('A').hand, byLabel('A').aspect)).toHaveLength(LETTER_FEATURE_SIZE)
  })

  it('keeps the shape part unchanged when the hand turns, and the orientation part turns with it', () => {
    const { hand, aspect } = byLabel('U')
    const a = letterFeatures(hand, aspect)!
    const b = letterFeatures(rotate(hand, aspect, 90), aspect)!
    for (let i = 0; i < 40; i++) expect(b[i]).toBeCloseTo(a[i]!, 4)
    for (let i = 42; i < LETTER_FEATURE_SIZE; i++) expect(b[i]).toBeCloseTo(a[i]!, 4)
    // sin/cos of the angle: a quarter turn swaps them (cos θ' = −sin θ, sin θ' = cos θ).
    expect(b[40]).toBeCloseTo(a[41]!, 4)
    expect(b[41]).toBeCloseTo(-a[40]!, 4)
  })

  it('still tells H from U, G from Q and K from P: the letters that differ by which way the fingers point', () => {
    // The index finger's direction on screen, rebuilt from the features: its direction within the
    // normalised shape (knuckle 5 → tip 8) plus the hand's angle. A rotation-only feature would lose it.
    const pointing = (label: string) => {
      const f = letterFeatures(byLabel(label).hand, byLabel(label).aspect)!
      const [x5, y5, x8, y8] = [f[8]!, f[9]!, f[14]!, f[15]!]
      return Math.atan2(x8 - x5, -(y8 - y5)) + Math.atan2(f[40]!, f[41]!)
    }
    const apart = (a: string, b: string) => Math.abs(Math.atan2(Math.sin(pointing(a) - pointing(b)), Math.cos(pointing(a) - pointing(b))))
    expect(apart('H', 'U')).toBeGreaterThan(Math.PI / 3)
    expect(apart('G', 'Q')).toBeGreaterThan(Math.PI / 3)
    expect(apart('K', 'P')).toBeGreaterThan(Math.PI / 2)
  })

  it('gives a left hand the features of the right hand it mirrors', () => {
    for (const { hand, aspect } of frames) {
      const left: HandObservation = { ...hand, handedness: 'Left', landmarks: hand.landmarks.map((p) => ({ ...p, x: 1 - p.x })) }
      const a = letterFeatures({ ...hand, handedness: 'Right' }, aspect)!
      const b = letterFeatures(left, aspect)!
      for (let i = 0; i < LETTER_FEATURE_SIZE; i++) expect(b[i]).toBeCloseTo(a[i]!, 4)
    }
  })

  it('returns the pinned vectors for real recorded frames (golden; bump FEATURE_VERSION if this changes)', () => {
    frames.forEach((f, i) => {
      const v = letterFeatures(f.hand, f.aspect)!
      const want = golden.letters[i]!
      expect(v).toHaveLength(want.length)
      v.forEach((x, j) => expect(Math.abs(x - want[j]!)).toBeLessThan(1e-5))
    })
  })

  it('returns null for a hand with no extent', () => {
    const flat: HandObservation = { handedness: 'Right', score: 1, landmarks: Array.from({ length: 21 }, () => ({ x: 0.3, y: 0.3, z: 0 })) }
    expect(letterFeatures(flat, 4 / 3)).toBeNull()
  })
})
