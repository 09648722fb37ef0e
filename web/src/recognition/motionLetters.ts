/**
 * @module The two ASL letters that move: J (the I handshape, the pinky tip drawing a hook: down,
 * then across) and Z (an index finger drawing a Z: across, diagonally down and back, across again).
 * A still-frame classifier sees only their handshapes, so these read the fingertip's trail. Pure.
 *
 * Directions are compared, never signs of x: a camera frame is the mirror image of what the signer
 * sees, and a left-handed signer draws both letters mirrored.
 */

export type Point = { x: number; y: number }
/** One frame of the fingertip trail: positions in image heights (x scaled by the aspect ratio). */
export type TrailSample = { t: number; tip: Point; palm: number }

/** Handshapes a J or Z starts from, as letter-model labels. */
export const J_HANDSHAPES = new Set(['I', 'J'])
export const Z_HANDSHAPES = new Set(['D', 'Z', '1', 'G', 'X'])

/** The drawing of J or Z takes about half a second to a second; older samples are not part of it. */
export const MOTION_WINDOW_MS = 1_400
/** Trail resampled into steps this long (palm sizes) so the shape, not the frame rate, decides. */
const STEP_PALMS = 0.12
/** A turn sharper than this between two steps splits strokes (degrees). */
const STROKE_TURN_DEG = 75

const J = { minDropPalms: 0.9, maxDescentSideways: 0.7, minHookPalms: 0.3, maxRisePalms: 1.2 }
const Z = { minStrokePalms: 0.5, minDropPalms: 0.45, horizontalRatio: 1.3 }

export function detectJ(trail: readonly TrailSample[]): boolean {
  const path = resample(trail)
  if (path.length < 4) return false
  let lowest = 0
  for (let i = 1; i < path.length; i++) if ((path[i] as Point).y > (path[lowest] as Point).y) lowest = i
  // The descent: back from the lowest point for as long as the trail kept going down.
  let top = lowest
  while (top > 0 && (path[top - 1] as Point).y <= (path[top] as Point).y) top--
  const bottom = path[lowest] as Point
  const end = path[path.length - 1] as Point
  const drop = bottom.y - (path[top] as Point).y
  if (drop < J.minDropPalms) return false
  // It is mostly vertical (a Z's diagonal is not); the hook is the sideways travel at and after the bottom.
  let sideways = 0
  for (let i = top + 1; i <= lowest; i++) sideways += Math.abs((path[i] as Point).x - (path[i - 1] as Point).x)
  if (sideways > J.maxDescentSideways * drop) return false
  const hookFrom = path[Math.max(top, lowest - 2)] as Point
  const hook = Math.max(Math.abs(end.x - hookFrom.x), Math.abs(bottom.x - hookFrom.x))
  return hook >= J.minHookPalms && bottom.y - end.y <= J.maxRisePalms
}

export function detectZ(trail: readonly TrailSample[]): boolean {
  const strokes = splitStrokes(resample(trail)).filter((s) => Math.hypot(s.dx, s.dy) >= Z.minStrokePalms)
  for (let i = 0; i + 2 < strokes.length; i++) {
    const [a, b, c] = [strokes[i], strokes[i + 1], strokes[i + 2]] as [Stroke, Stroke, Stroke]
    const across = (s: Stroke) => Math.abs(s.dx) >= Z.horizontalRatio * Math.abs(s.dy)
    if (!across(a) || !across(c)) continue
    if (Math.sign(a.dx) !== Math.sign(c.dx)) continue
    // The diagonal goes back the other way and down (image y grows downwards).
    if (Math.sign(b.dx) === Math.sign(a.dx) || b.dy < Z.minDropPalms) continue
    return true
  }
  return false
}

type Stroke = { dx: number; dy: number }

/** Points along the trail every STEP_PALMS of travel, in palm units (the median palm of the trail). */
function resample(trail: readonly TrailSample[]): Point[] {
  if (trail.length < 2) return []
  const palms = trail.map((s) => s.palm).sort((a, b) => a - b)
  const palm = palms[palms.length >> 1] as number
  if (!(palm > 0)) return []
  const pts = trail.map((s) => ({ x: s.tip.x / palm, y: s.tip.y / palm }))
  const out: Point[] = [pts[0] as Point]
  for (const p of pts.slice(1)) {
    let last = out[out.length - 1] as Point
    let d = Math.hypot(p.x - last.x, p.y - last.y)
    while (d >= STEP_PALMS) {
      const k = STEP_PALMS / d
      last = { x: last.x + (p.x - last.x) * k, y: last.y + (p.y - last.y) * k }
      out.push(last)
      d = Math.hypot(p.x - last.x, p.y - last.y)
    }
  }
  return out
}

function splitStrokes(path: Point[]): Stroke[] {
  const strokes: Stroke[] = []
  let from = 0
  for (let i = 1; i + 1 < path.length; i++) {
    if (turnDeg(path[i - 1] as Point, path[i] as Point, path[i + 1] as Point) > STROKE_TURN_DEG) {
      strokes.push(delta(path[from] as Point, path[i] as Point))
      from = i
    }
  }
  if (path.length > 1) strokes.push(delta(path[from] as Point, path[path.length - 1] as Point))
  return mergeAligned(strokes)
}

/** Neighbouring strokes that point the same way (a split by noise) become one. */
function mergeAligned(strokes: Stroke[]): Stroke[] {
  const out: Stroke[] = []
  for (const s of strokes) {
    const prev = out[out.length - 1]
    if (prev && angleBetween(prev, s) <= STROKE_TURN_DEG) {
      prev.dx += s.dx
      prev.dy += s.dy
    } else {
      out.push({ ...s })
    }
  }
  return out
}

const delta = (a: Point, b: Point): Stroke => ({ dx: b.x - a.x, dy: b.y - a.y })
const turnDeg = (a: Point, b: Point, c: Point) => angleBetween(delta(a, b), delta(b, c))

function angleBetween(u: Stroke, v: Stroke): number {
  const n = Math.hypot(u.dx, u.dy) * Math.hypot(v.dx, v.dy)
  if (n === 0) return 0
  return (Math.acos(Math.max(-1, Math.min(1, (u.dx * v.dx + u.dy * v.dy) / n))) * 180) / Math.PI
}
