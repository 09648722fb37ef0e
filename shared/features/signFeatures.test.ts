import { describe, expect, it } from 'vitest'
import fixtures from './fixtures/mit-observations.json'
import golden from './fixtures/golden-features.json'
import type { FrameObservation } from './observation'
import {
  SIGN_STEP_SIZE,
  SIGN_WINDOW_FRAMES,
  SIGN_WINDOW_INPUT_SIZE,
  signFrameFeatures,
  signWindowFromFeatures,
  signWindowInput,
} from './signFeatures'

const takes = fixtures.signs.map((s) => ({ label: s.label, frames: s.frames as FrameObservation[] }))
const hello = takes.find((t) => t.label === 'hello')!.frames

const maxDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0)

/** The scene moved, scaled and turned (in square units), as if the camera were elsewhere. */
function moveScene(frames: FrameObservation[], f: { dx: number; dy: number; scale: number; rotDeg: number }): FrameObservation[] {
  const r = (f.rotDeg * Math.PI) / 180
  return frames.map((fr) => ({
    ...fr,
    hands: fr.hands.map((h) => ({
      ...h,
      landmarks: h.landmarks.map((p) => {
        const x = p.x * fr.aspect
        const y = p.y
        return {
          x: ((Math.cos(r) * x - Math.sin(r) * y) * f.scale + f.dx) / fr.aspect,
          y: (Math.sin(r) * x + Math.cos(r) * y) * f.scale + f.dy,
          z: p.z,
        }
      }),
    })),
  }))
}

const mirrorScene = (frames: FrameObservation[]): FrameObservation[] =>
  frames.map((fr) => ({
    ...fr,
    hands: fr.hands.map((h) => ({
      ...h,
      handedness: h.handedness === 'Left' ? 'Right' : 'Left',
      landmarks: h.landmarks.map((p) => ({ ...p, x: 1 - p.x })),
    })),
  }))

describe('signWindowInput', () => {
  it('lays out SIGN_WINDOW_FRAMES steps of SIGN_STEP_SIZE features', () => {
    expect(signWindowInput(hello)).toHaveLength(SIGN_WINDOW_INPUT_SIZE)
    expect(SIGN_WINDOW_INPUT_SIZE).toBe(SIGN_WINDOW_FRAMES * SIGN_STEP_SIZE)
  })

  it('describes the movement the same wherever the signer stands and however near, and says where the hands are', () => {
    const base = signWindowInput(hello)
    const moved = signWindowInput(moveScene(hello, { dx: 0.15, dy: -0.1, scale: 1, rotDeg: 0 }))
    const nearer = signWindowInput(moveScene(hello, { dx: 0, dy: 0, scale: 1.4, rotDeg: 0 }))
    let seen = 0
    for (let k = 0; k < SIGN_WINDOW_FRAMES; k++) {
      const row = k * SIGN_STEP_SIZE
      if (base[row] !== 1) continue
      seen++
      // Presence, shape, angle, movement relative to the dominant hand: unchanged.
      for (let i = 0; i <= 45; i++) {
        expect(Math.abs(moved[row + i]! - base[row + i]!)).toBeLessThan(1e-4)
        expect(Math.abs(nearer[row + i]! - base[row + i]!)).toBeLessThan(1e-4)
      }
      // Where the wrist is in the picture (image heights from the centre), and how big the hand looks.
      expect(moved[row + 46]! - base[row + 46]!).toBeCloseTo(0.15, 4)
      expect(moved[row + 47]! - base[row + 47]!).toBeCloseTo(-0.1, 4)
      expect(nearer[row + 48]! - base[row + 48]!).toBeCloseTo(Math.log(1.4), 4)
    }
    expect(seen).toBeGreaterThan(SIGN_WINDOW_FRAMES / 2)
  })

  it('keeps the hand shapes when the camera is tilted, and tells the tilt through the hand angles', () => {
    const base = signWindowInput(hello)
    const tilted = signWindowInput(moveScene(hello, { dx: 0, dy: 0, scale: 1, rotDeg: 12 }))
    for (let k = 0; k < SIGN_WINDOW_FRAMES; k++) {
      for (let i = 1; i <= 40; i++) expect(Math.abs(tilted[k * SIGN_STEP_SIZE + i]! - base[k * SIGN_STEP_SIZE + i]!)).toBeLessThan(1e-4)
    }
    expect(maxDiff(tilted, base)).toBeGreaterThan(0.05)
  })

  it('sees a left-handed signer as the mirror image of a right-handed one', () => {
    for (const t of takes) expect(maxDiff(signWindowInput(mirrorScene(t.frames)), signWindowInput(t.frames))).toBeLessThan(1e-4)
  })

  it('resamples by time, so a 10 fps camera gives the input of a 20 fps one', () => {
    const full = signWindowInput(hello)
    const half = hello.filter((_, i) => i % 2 === 0)
    const last = hello[hello.length - 1]!
    const fromHalf = signWindowInput(half, { startMs: hello[0]!.t, endMs: last.t })
    // Each step takes the nearest frame, at worst one frame (50 ms) away: close to the full-rate
    // input, and far closer to it than to another sign.
    const dist = (a: Float32Array, b: Float32Array) => Math.hypot(...a.map((v, i) => v - b[i]!))
    const other = signWindowInput(takes.find((t) => t.label === 'thankyou')!.frames)
    expect(dist(fromHalf, full)).toBeLessThan(0.25 * dist(other, full))
    const laterClock = hello.map((f) => ({ ...f, t: f.t + 123_456 }))
    expect(maxDiff(signWindowInput(laterClock), full)).toBe(0)
  })

  it('gives all zeros when no hand is seen, and marks the steps where a hand is missing', () => {
    const empty = hello.map((f) => ({ ...f, hands: [] }))
    expect(signWindowInput(empty).every((v) => v === 0)).toBe(true)
    expect(signWindowInput([]).every((v) => v === 0)).toBe(true)
    const gappy = hello.map((f, i) => (i < hello.length / 2 ? { ...f, hands: [] } : f))
    const v = signWindowInput(gappy)
    expect(v[0]).toBe(0)
    expect(v[(SIGN_WINDOW_FRAMES - 1) * SIGN_STEP_SIZE]).toBe(1)
  })

  it('bridges a single missed detection from the neighbouring frame', () => {
    const withHand = hello.findIndex((f, i) => i > 3 && f.hands.length > 0)
    const missed = hello.map((f, i) => (i === withHand ? { ...f, hands: [] } : f))
    const v = signWindowInput(missed)
    const span = hello[hello.length - 1]!.t - hello[0]!.t
    const stepsOnMissedFrame = Array.from({ length: SIGN_WINDOW_FRAMES }, (_, k) => k).filter(
      (k) => Math.abs(hello[0]!.t + (span * k) / (SIGN_WINDOW_FRAMES - 1) - hello[withHand]!.t) < 25,
    )
    expect(stepsOnMissedFrame.length).toBeGreaterThan(0)
    for (const k of stepsOnMissedFrame) expect(v[k * SIGN_STEP_SIZE]).toBe(1)
  })

  it('takes a lone hand briefly given the other label for the signer\'s dominant hand', () => {
    const mislabelled = hello.map((f, i) => (i >= 5 && i <= 8 ? { ...f, hands: f.hands.map((h) => ({ ...h, handedness: 'Left' as const })) } : f))
    expect(maxDiff(signWindowInput(mislabelled), signWindowInput(hello))).toBeLessThan(1e-4)
  })

  it('gives the same input from cached per-frame features', () => {
    const cached = hello.map((f) => ({ t: f.t, features: signFrameFeatures(f) }))
    expect(maxDiff(signWindowFromFeatures(cached, { startMs: 100, endMs: 800 }), signWindowInput(hello, { startMs: 100, endMs: 800 }))).toBe(0)
  })

  it('returns the pinned vectors for real recorded takes (golden; bump FEATURE_VERSION if this changes)', () => {
    takes.forEach((t, i) => {
      const v = signWindowInput(t.frames)
      const want = golden.signs[i]!
      v.forEach((x, j) => expect(Math.abs(x - want[j]!)).toBeLessThan(1e-5))
    })
  })
})
