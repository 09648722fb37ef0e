/**
 * @module Hand geometry under every feature: undo MediaPipe's per-axis normalisation, mirror left
 * hands, and split a hand into its shape (invariant to where it is, how big and which way it points)
 * and those three facts, which the features keep separately because they carry meaning too.
 */
import type { HandObservation } from './observation'

export const HAND_POINTS = 21

/** Landmark indices in MediaPipe's hand order. */
export const WRIST = 0
export const THUMB_TIP = 4
export const INDEX_MCP = 5
export const MIDDLE_MCP = 9
export const RING_MCP = 13
export const PINKY_MCP = 17
export const FINGERTIPS = [4, 8, 12, 16, 20] as const

/**
 * The palm's own segments. Their mean length is the hand's size: they do not bend with the fingers,
 * so a fist and an open hand of one person measure the same, and averaging five of them damps the
 * foreshortening of any one when the hand turns.
 */
const PALM_SEGMENTS: readonly (readonly [number, number])[] = [
  [WRIST, INDEX_MCP],
  [WRIST, MIDDLE_MCP],
  [WRIST, RING_MCP],
  [WRIST, PINKY_MCP],
  [INDEX_MCP, PINKY_MCP],
]

/** Below this palm size (in image heights) a detection is degenerate: all points on one spot. */
const MIN_PALM_SIZE = 1e-6

export type HandPose = {
  /**
   * The 21 points as x0,y0,x1,y1,…: wrist at the origin, palm size 1, the wrist→middle-knuckle
   * axis pointing up (−y, screen convention), left hands mirrored into right hands.
   */
  shape: Float32Array
  /**
   * Which way the hand points: the angle of wrist→middle knuckle from straight up, clockwise on
   * screen, in radians (after mirroring). H and U, G and Q, K and P differ mostly by this.
   */
  angleRad: number
  /** Mean palm segment length in image heights: a proxy for distance from the camera. */
  palmSize: number
  /** The wrist in image heights from the top-left corner; x is not mirrored. */
  wristX: number
  wristY: number
}

/**
 * Normalises one hand. `aspect` (image width / height) turns MediaPipe's per-axis fractions into
 * square units, so a hand turned 90° keeps its proportions on a 16:9 camera.
 * Returns null for a degenerate detection (zero palm size or a non-finite coordinate).
 */
export function handPose(hand: HandObservation, aspect: number, mirror = hand.handedness === 'Left'): HandPose | null {
  const lm = hand.landmarks
  if (lm.length !== HAND_POINTS) return null
  const sx = mirror ? -aspect : aspect
  const wrist = lm[WRIST]!
  const px = new Float64Array(HAND_POINTS)
  const py = new Float64Array(HAND_POINTS)
  for (let i = 0; i < HAND_POINTS; i++) {
    const p = lm[i]!
    px[i] = (p.x - wrist.x) * sx
    py[i] = p.y - wrist.y
    if (!Number.isFinite(px[i]!) || !Number.isFinite(py[i]!)) return null
  }
  let palm = 0
  for (const [a, b] of PALM_SEGMENTS) palm += Math.hypot(px[b]! - px[a]!, py[b]! - py[a]!)
  palm /= PALM_SEGMENTS.length
  if (!(palm > MIN_PALM_SIZE)) return null

  const angleRad = Math.atan2(px[MIDDLE_MCP]!, -py[MIDDLE_MCP]!)
  // Rotating by −angle brings wrist→middle knuckle to (0, −|u|); see handPose.test.ts.
  const c = Math.cos(angleRad) / palm
  const s = Math.sin(angleRad) / palm
  const shape = new Float32Array(HAND_POINTS * 2)
  for (let i = 0; i < HAND_POINTS; i++) {
    shape[2 * i] = px[i]! * c + py[i]! * s
    shape[2 * i + 1] = -px[i]! * s + py[i]! * c
  }
  return { shape, angleRad, palmSize: palm, wristX: wrist.x * aspect, wristY: wrist.y }
}
