import { describe, expect, it } from 'vitest'
import fixtures from '../../shared/features/fixtures/mit-observations.json'
import type { FrameObservation } from '../../shared/features/observation'
import { SIGN_WINDOW_MS } from '../../shared/features/signFeatures'
import type { SignSequence } from '../data/types'
import { augmentWindow, SEQUENCE_AUGMENT, wholeWindow } from './augmentSequence'
import { makeRandom } from './random'

describe('makeRandom', () => {
  it('repeats exactly for one seed and differs between seeds', () => {
    const a = makeRandom(7)
    const b = makeRandom(7)
    const c = makeRandom(8)
    const sa = Array.from({ length: 5 }, () => a.next())
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(sa)
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(sa)
    expect(sa.every((v) => v >= 0 && v < 1)).toBe(true)
  })
})

/** The MIT hello take packed as the readers pack a sequence. */
function packed(frames: FrameObservation[]): SignSequence {
  const hands = new Float32Array(frames.length * 126).fill(NaN)
  frames.forEach((f, i) =>
    f.hands.forEach((h) => {
      const at = i * 126 + (h.handedness === 'Right' ? 0 : 63)
      h.landmarks.forEach((p, j) => hands.set([p.x, p.y, p.z], at + 3 * j))
    }),
  )
  return { person: 'p', source: 'webcam', label: 'hello', timesMs: Float64Array.from(frames, (f) => f.t), hands, aspect: frames[0]!.aspect }
}

describe('augmentWindow', () => {
  const seq = packed(fixtures.signs[0]!.frames as FrameObservation[])

  it('keeps frames in time order inside the window it reports', () => {
    const rnd = makeRandom(3)
    for (let i = 0; i < 50; i++) {
      const w = augmentWindow(seq, SEQUENCE_AUGMENT, rnd, i % 2 === 0)
      expect(w.frames.length).toBeGreaterThanOrEqual(2)
      for (let k = 1; k < w.frames.length; k++) expect(w.frames[k]!.t).toBeGreaterThanOrEqual(w.frames[k - 1]!.t)
      expect(w.frames[0]!.t).toBeGreaterThanOrEqual(w.startMs - 1e-9)
      expect(w.frames[w.frames.length - 1]!.t).toBeLessThanOrEqual(w.endMs + 1e-9)
    }
  })

  it('pads a trimmed take with rest or absent hands and crops a webcam take', () => {
    const whole = wholeWindow(seq)
    const rnd = makeRandom(4)
    const padded = Array.from({ length: 30 }, () => augmentWindow(seq, { ...SEQUENCE_AUGMENT, decoderWindows: 0, dropFrames: 0 }, rnd, true))
    expect(Math.max(...padded.map((w) => w.frames.length))).toBeGreaterThan(whole.frames.length)
    const cropped = Array.from({ length: 30 }, () => augmentWindow(seq, { ...SEQUENCE_AUGMENT, decoderWindows: 0, dropFrames: 0 }, rnd, false))
    expect(Math.max(...cropped.map((w) => w.frames.length))).toBeLessThanOrEqual(whole.frames.length)
    expect(Math.min(...cropped.map((w) => w.frames.length))).toBeLessThan(whole.frames.length)
  })

  it('cuts decoder windows one of SIGN_WINDOW_MS long that hold nearly all of the sign', () => {
    const rnd = makeRandom(6)
    const handFrames = wholeWindow(seq).frames.filter((f) => f.hands.length > 0).length
    for (let i = 0; i < 40; i++) {
      const w = augmentWindow(seq, { ...SEQUENCE_AUGMENT, decoderWindows: 1, dropFrames: 0, dropHands: 0 }, rnd, true)
      const ms = w.endMs - w.startMs
      expect(SIGN_WINDOW_MS.some((m) => Math.abs(ms - m) <= 0.05 * m + 1e-9)).toBe(true)
      expect(w.frames.filter((f) => f.hands.length > 0).length).toBeGreaterThanOrEqual(Math.floor(0.75 * handFrames))
    }
  })

  it('mirrors the scene by swapping hands and flipping x', () => {
    const w = augmentWindow(seq, { ...SEQUENCE_AUGMENT, decoderWindows: 0, mirror: 1, rollDeg: 0, stretch: 0, jitter: 0, dropHands: 0, dropFrames: 0, crop: 0 }, makeRandom(5), false)
    const original = wholeWindow(seq).frames.flatMap((f) => f.hands.map((h) => h.handedness))
    const mirrored = w.frames.flatMap((f) => f.hands.map((h) => h.handedness))
    expect(mirrored).toEqual(original.map((h) => (h === 'Left' ? 'Right' : 'Left')))
  })
})
