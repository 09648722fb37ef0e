import { expect } from '@esm-bundle/chai'
import type { FrameObservation } from '../../../shared/features/observation'
import { drawHands, HAND_COLOURS } from './drawHands'
/** A right hand: wrist low on the left, the fingers fanning up and right. */
const frame: FrameObservation = {
  t: 0,
  aspect: 16 / 9,
  hands: [{ handedness: 'Right', score: 0.9, landmarks: Array.from({ length: 21 }, (_, i) => ({ x: 0.3 + 0.015 * i, y: 0.8 - 0.025 * i, z: 0 })) }],
}

function pixel(ctx: CanvasRenderingContext2D, x: number, y: number) {
  const [r, g, b, a] = ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data
  return `rgba(${r},${g},${b},${a})`
}
const rgb = (hex: string) => `rgba(${parseInt(hex.slice(1, 3), 16)},${parseInt(hex.slice(3, 5), 16)},${parseInt(hex.slice(5, 7), 16)},255)`

describe('landmark overlay drawing', () => {
  const canvas = Object.assign(document.createElement('canvas'), { width: 320, height: 180 })
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!
  const wrist = frame.hands[0]!.landmarks[0]!

  it('draws each joint of the hand where the landmarker saw it, in the colour of that hand', () => {
    drawHands(ctx, frame, false)
    expect(pixel(ctx, wrist.x * 320, wrist.y * 180)).to.equal(rgb(HAND_COLOURS.Right))
    expect(pixel(ctx, 2, 2)).to.equal('rgba(0,0,0,0)')
  })

  it('mirrors the drawing for a mirrored preview', () => {
    drawHands(ctx, frame, true)
    expect(pixel(ctx, (1 - wrist.x) * 320, wrist.y * 180)).to.equal(rgb(HAND_COLOURS.Right))
  })

  it('clears the overlay when no hand is seen', () => {
    drawHands(ctx, null, false)
    expect(pixel(ctx, wrist.x * 320, wrist.y * 180)).to.equal('rgba(0,0,0,0)')
  })
})
