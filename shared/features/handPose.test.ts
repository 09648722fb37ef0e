import { describe, expect, it } from 'vitest'
import fixtures from './fixtures/mit-observations.json'
import { handPose } from './handPose'
import type { HandObservation } from './observation'

const real = fixtures.letters.map((l) => ({ hand: l.observation.hands[0] as HandObservation, aspect: l.observation.aspect }))

/** Moves a hand in square image units (x × aspect), then back into MediaPipe's per-axis fractions. */
function transform(hand: HandObservation, aspect: number, f: { dx?: number; dy?: number; scale?: number; rotDeg?: number; newAspect?: number }) {
  const a2 = f.newAspect ?? aspect
  const r = ((f.rotDeg ?? 0) * Math.PI) / 180
  const [c, s] = [Math.cos(r), Math.sin(r)]
  const w = hand.landmarks[0]!
  return {
    ...hand,
    landmarks: hand.landmarks.map((p) => {
      const x = (p.x - w.x) * aspect
      const y = p.y - w.y
      const k = f.scale ?? 1
      return { x: (w.x * aspect + (c * x - s * y) * k + (f.dx ?? 0)) / a2, y: w.y + (s * x + c * y) * k + (f.dy ?? 0), z: p.z }
    }),
  }
}

const maxDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0)

describe('handPose', () => {
  it('gives the same shape wherever the hand is, however big, however turned', () => {
    for (const { hand, aspect } of real) {
      const base = handPose(hand, aspect)!
      for (const f of [{ dx: 0.2, dy: -0.1 }, { scale: 0.5 }, { scale: 1.7 }, { rotDeg: 35 }, { rotDeg: -80, scale: 1.3, dx: 0.05 }]) {
        expect(maxDiff(handPose(transform(hand, aspect, f), aspect)!.shape, base.shape)).toBeLessThan(1e-4)
      }
    }
  })

  it('reports the turn it took out of the shape as the hand angle', () => {
    const { hand, aspect } = real[0]!
    const base = handPose(hand, aspect)!
    const turned = handPose(transform(hand, aspect, { rotDeg: 30 }), aspect)!
    const diff = Math.atan2(Math.sin(turned.angleRad - base.angleRad), Math.cos(turned.angleRad - base.angleRad))
    expect(diff).toBeCloseTo((30 * Math.PI) / 180, 4)
  })

  it('points the wrist-to-middle-knuckle axis straight up with palm size 1', () => {
    const p = handPose(real[1]!.hand, real[1]!.aspect)!
    expect(p.shape[0]).toBe(0)
    expect(p.shape[1]).toBe(0)
    expect(Math.abs(p.shape[18]!)).toBeLessThan(1e-6)
    expect(p.shape[19]).toBeLessThan(0)
  })

  it('undoes the camera aspect: the same hand seen by a 16:9 and a 4:3 camera has one shape', () => {
    for (const { hand, aspect } of real) {
      const wide = transform(hand, aspect, { newAspect: 16 / 9 })
      expect(maxDiff(handPose(wide, 16 / 9)!.shape, handPose(hand, aspect)!.shape)).toBeLessThan(1e-4)
    }
  })

  it('mirrors a left hand into the right hand it reflects', () => {
    for (const { hand, aspect } of real) {
      const mirrored: HandObservation = { ...hand, handedness: 'Left', landmarks: hand.landmarks.map((p) => ({ ...p, x: 1 - p.x })) }
      const a = handPose({ ...hand, handedness: 'Right' }, aspect)!
      const b = handPose(mirrored, aspect)!
      expect(maxDiff(a.shape, b.shape)).toBeLessThan(1e-4)
      expect(Math.sin(b.angleRad)).toBeCloseTo(Math.sin(a.angleRad), 5)
      expect(Math.cos(b.angleRad)).toBeCloseTo(Math.cos(a.angleRad), 5)
    }
  })

  it('refuses a degenerate detection instead of dividing by zero', () => {
    const flat: HandObservation = { handedness: 'Right', score: 1, landmarks: Array.from({ length: 21 }, () => ({ x: 0.5, y: 0.5, z: 0 })) }
    expect(handPose(flat, 1)).toBeNull()
    expect(handPose({ ...flat, landmarks: flat.landmarks.slice(0, 20) }, 1)).toBeNull()
    const nan = { ...real[0]!.hand, landmarks: real[0]!.hand.landmarks.map((p, i) => (i === 7 ? { ...p, x: NaN } : p)) }
    expect(handPose(nan, 1)).toBeNull()
  })
})
