/**
 * @module One hand in one frame → the fingerspelling model's input. Used unchanged by
 * `models/` to train and by the recognition worker to infer.
 */
import { FINGERTIPS, handPose, THUMB_TIP } from './handPose'
import type { HandObservation } from './observation'

/**
 * Where the thumb tip sits against the index, middle and ring middle joints (PIPs): the cue that
 * separates the closed-fist letters A, S, E, M, N and T.
 */
const THUMB_CONTACTS = [6, 10, 14] as const

const TIP_PAIRS: readonly (readonly [number, number])[] = FINGERTIPS.flatMap((a, i) =>
  FINGERTIPS.slice(i + 1).map((b) => [a, b] as const),
)

/**
 * Layout: 40 shape coordinates (points 1–20; the wrist is always the origin), sin and cos of the
 * hand's angle, 10 fingertip-to-fingertip distances, 3 thumb-tip-to-PIP distances. All lengths
 * are in palm sizes.
 */
export const LETTER_FEATURE_SIZE = 40 + 2 + TIP_PAIRS.length + THUMB_CONTACTS.length

/**
 * Features of one hand for the letter model: 2-D only (x, y), because five of the eighteen
 * many-people letter sets carry no z and MediaPipe's z is scaled differently across the crop-
 * relative sets; the shape is normalised for translation, scale and rotation, and orientation is
 * kept apart as sin/cos so that H/U, G/Q and K/P still differ. Left hands are mirrored.
 * Returns null when the detection is degenerate (the caller treats it as no hand).
 */
export function letterFeatures(hand: HandObservation, aspect: number): Float32Array | null {
  const pose = handPose(hand, aspect)
  if (!pose) return null
  const { shape } = pose
  const out = new Float32Array(LETTER_FEATURE_SIZE)
  out.set(shape.subarray(2), 0)
  let k = 40
  out[k++] = Math.sin(pose.angleRad)
  out[k++] = Math.cos(pose.angleRad)
  const dist = (a: number, b: number) => Math.hypot(shape[2 * a]! - shape[2 * b]!, shape[2 * a + 1]! - shape[2 * b + 1]!)
  for (const [a, b] of TIP_PAIRS) out[k++] = dist(a, b)
  for (const j of THUMB_CONTACTS) out[k++] = dist(THUMB_TIP, j)
  return out
}
