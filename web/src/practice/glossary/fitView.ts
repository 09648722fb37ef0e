/**
 * @module Where to draw a recorded sign on a canvas: the box around every hand and body point it
 * passes through, in true proportions (landmark x is a fraction of the width, y of the height),
 * with a margin, scaled to fit and centred. Pure.
 */
import type { FrameObservation } from '../../../../shared/features/observation'
import type { BodyPoints } from './referenceSigns'

export type View = { scale: number; offsetX: number; offsetY: number; aspect: number }
export type Point2 = { x: number; y: number }

/** Margin around the sign, as a share of its larger side. */
const MARGIN = 0.12

/** The head drawn around the nose: about a third of the shoulder width (in the image's true units). */
export const headRadius = (b: BodyPoints, aspect: number) => 0.32 * Math.hypot((b.leftShoulder.x - b.rightShoulder.x) * aspect, b.leftShoulder.y - b.rightShoulder.y)

/**
 * `body` points are fitted in too when given (a sign placed at the forehead, chin or chest needs
 * them in view); for a handshape, leave them out and the hand fills the drawing.
 */
export function fitView(frames: readonly FrameObservation[], body: readonly (BodyPoints | null)[], canvasW: number, canvasH: number): View {
  const aspect = frames[0]?.aspect ?? 1
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  const add = (p: Point2) => {
    minX = Math.min(minX, p.x * aspect)
    maxX = Math.max(maxX, p.x * aspect)
    minY = Math.min(minY, p.y)
    maxY = Math.max(maxY, p.y)
  }
  for (const f of frames) for (const h of f.hands) for (const p of h.landmarks) add(p)
  for (const b of body) {
    if (!b) continue
    for (const p of [b.leftShoulder, b.rightShoulder]) add(p)
    const r = headRadius(b, aspect)
    add({ x: b.nose.x, y: b.nose.y - r })
    add({ x: b.nose.x - r / aspect, y: b.nose.y })
    add({ x: b.nose.x + r / aspect, y: b.nose.y })
  }
  if (!Number.isFinite(minX)) return { scale: Math.min(canvasW / aspect, canvasH), offsetX: 0, offsetY: 0, aspect }
  const w = maxX - minX
  const h = maxY - minY
  const side = Math.max(w, h, 1e-3) * (1 + 2 * MARGIN)
  const scale = Math.min(canvasW, canvasH) / side
  return { scale, offsetX: canvasW / 2 - ((minX + maxX) / 2) * scale, offsetY: canvasH / 2 - ((minY + maxY) / 2) * scale, aspect }
}

/** A landmark's place on the canvas; `mirrored` flips it about the canvas centre (the view in a mirror). */
export function toCanvas(v: View, p: Point2, canvasW: number, mirrored = false): Point2 {
  const x = v.offsetX + p.x * v.aspect * v.scale
  return { x: mirrored ? canvasW - x : x, y: v.offsetY + p.y * v.scale }
}
