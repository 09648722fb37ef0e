import { describe, expect, it } from 'vitest'
import type { FrameObservation } from '../../../../shared/features/observation'
import { fitView, headRadius, toCanvas } from './fitView'

const hand = (xs: number[], ys: number[]) => ({ handedness: 'Right' as const, score: 1, landmarks: xs.map((x, i) => ({ x, y: ys[i]!, z: 0 })) })
const frames: FrameObservation[] = [{ t: 0, aspect: 2, hands: [hand([0.4, 0.5], [0.2, 0.6])] }]

describe('fitting a sign into the drawing', () => {
  it('centres the sign and keeps it inside the canvas with a margin', () => {
    const v = fitView(frames, [], 300, 300)
    const a = toCanvas(v, { x: 0.4, y: 0.2 }, 300)
    const b = toCanvas(v, { x: 0.5, y: 0.6 }, 300)
    expect((a.x + b.x) / 2).toBeCloseTo(150)
    expect((a.y + b.y) / 2).toBeCloseTo(150)
    for (const p of [a, b]) {
      expect(p.y).toBeGreaterThan(0)
      expect(p.y).toBeLessThan(300)
    }
  })

  it('keeps true proportions: a width fraction counts the image aspect', () => {
    const v = fitView(frames, [], 300, 300)
    const a = toCanvas(v, { x: 0.4, y: 0.2 }, 300)
    const b = toCanvas(v, { x: 0.5, y: 0.6 }, 300)
    // 0.1 of a 2:1 image's width is 0.2 image heights; the height spans 0.4.
    expect((b.x - a.x) / (b.y - a.y)).toBeCloseTo(0.5)
  })

  it('shows the mirror image when asked', () => {
    const v = fitView(frames, [], 300, 300)
    expect(toCanvas(v, { x: 0.4, y: 0.2 }, 300, true).x).toBeCloseTo(300 - toCanvas(v, { x: 0.4, y: 0.2 }, 300).x)
  })
})

describe('fitting the body in', () => {
  it('keeps the head above the nose inside the drawing', () => {
    const body = { nose: { x: 0.5, y: 0.3, z: 0 }, leftShoulder: { x: 0.6, y: 0.5, z: 0 }, rightShoulder: { x: 0.4, y: 0.5, z: 0 }, leftElbow: { x: 0.65, y: 0.8, z: 0 }, rightElbow: { x: 0.35, y: 0.8, z: 0 } }
    const v = fitView(frames, [body], 300, 300)
    const r = headRadius(body, 2) * v.scale
    expect(toCanvas(v, body.nose, 300).y - r).toBeGreaterThan(0)
  })
})
