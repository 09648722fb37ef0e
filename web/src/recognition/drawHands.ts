/**
 * @module Draws the landmarker's hands on a 2D canvas: the bones of MediaPipe's 21-point hand and
 * its joints, the signer's right hand and left hand in different colours.
 */
import type { FrameObservation } from '../../../shared/features/observation'

/** MediaPipe hand topology: wrist to each finger's base, along each finger, across the knuckles. */
export const HAND_BONES: readonly (readonly [number, number])[] = [
  [0, 1], [1, 2], [2, 3], [3, 4],
  [0, 5], [5, 6], [6, 7], [7, 8],
  [5, 9], [9, 10], [10, 11], [11, 12],
  [9, 13], [13, 14], [14, 15], [15, 16],
  [13, 17], [17, 18], [18, 19], [19, 20],
  [0, 17],
]

export const HAND_COLOURS = { Right: '#00e0a0', Left: '#ffb000' } as const

/**
 * Clears the canvas and draws `frame`'s hands over it. `mirrored` flips them to match a preview
 * shown as a mirror (selfie view) when the frames themselves were not mirrored.
 */
export function drawHands(ctx: CanvasRenderingContext2D, frame: FrameObservation | null, mirrored: boolean) {
  const { width, height } = ctx.canvas
  ctx.clearRect(0, 0, width, height)
  if (!frame) return
  const lineWidth = Math.max(2, Math.round(Math.min(width, height) / 160))
  for (const hand of frame.hands) {
    const colour = HAND_COLOURS[hand.handedness]
    const at = (i: number) => {
      const p = hand.landmarks[i]
      return p ? [(mirrored ? 1 - p.x : p.x) * width, p.y * height] as const : null
    }
    ctx.strokeStyle = colour
    ctx.lineWidth = lineWidth
    ctx.beginPath()
    for (const [a, b] of HAND_BONES) {
      const pa = at(a)
      const pb = at(b)
      if (!pa || !pb) continue
      ctx.moveTo(pa[0], pa[1])
      ctx.lineTo(pb[0], pb[1])
    }
    ctx.stroke()
    ctx.fillStyle = colour
    for (let i = 0; i < hand.landmarks.length; i++) {
      const p = at(i)
      if (!p) continue
      ctx.beginPath()
      ctx.arc(p[0], p[1], lineWidth * 1.5, 0, 2 * Math.PI)
      ctx.fill()
    }
  }
}
