/**
 * @module Frames over a stretch of time → the word model's input. Training (`models/`) and the
 * recognition worker both call `signWindowInput`, so a window is resampled, canonicalised and laid
 * out the same way in both.
 */
import { handPose, type HandPose } from './handPose'
import type { FrameObservation, HandObservation } from './observation'

/** The word model sees every window resampled to this many evenly spaced instants. */
export const SIGN_WINDOW_FRAMES = 16

/**
 * Window lengths the decoder should try, each ending at the newest frame. The training sequences
 * run from about 0.5 s (Kaggle ISLR, trimmed to the sign) to about 2 s (webcam sets, which include
 * the lead-in and rest), and training crops and pads them to cover this range.
 */
export const SIGN_WINDOW_MS = [800, 1200, 1700] as const

/**
 * Per hand in one frame: present, 40 shape coordinates, sin/cos of the angle, wrist x and y from the
 * image centre (in image heights) and palm size (in image heights).
 */
const FRAME_SLOT_SIZE = 1 + 40 + 2 + 3
/** Output of `signFrameFeatures`: the signer's right hand, then their left. */
export const SIGN_FRAME_FEATURE_SIZE = 2 * FRAME_SLOT_SIZE

/**
 * Per hand in one step of a window: present, 40 shape coordinates, sin/cos of the angle; the wrist
 * relative to the dominant hand's mean position in its mean palm sizes and the log of palm size over
 * that mean (the movement, whatever the framing); then the wrist from the image centre in image
 * heights and the log of palm size in tenths of an image height (where the hand is: a signer framed
 * for a call has the head near the top, so forehead, chin and chest sit at different heights).
 */
const STEP_SLOT_SIZE = 1 + 40 + 2 + 3 + 3
/** Features per step: the dominant hand, then the other. */
export const SIGN_STEP_SIZE = 2 * STEP_SLOT_SIZE
/** Length of `signWindowInput`'s output, row-major [SIGN_WINDOW_FRAMES, SIGN_STEP_SIZE]. */
export const SIGN_WINDOW_INPUT_SIZE = SIGN_WINDOW_FRAMES * SIGN_STEP_SIZE

/**
 * A step whose nearest frame lost a hand takes that hand from the nearest frame within this many ms
 * that has it: the landmarker misses single frames (fast motion, blur), and a 10 fps and a 30 fps
 * camera should not disagree over one missed detection.
 */
export const SIGN_GAP_FILL_MS = 100

/** How near (in the dominant hand's palm sizes) a mislabelled lone hand must be to count as the dominant hand. */
const SWAP_RADIUS_PALMS = 2.5

/** A hand more than this many palm sizes from the anchor is clamped, so one bad detection cannot dominate. */
const MAX_OFFSET_PALMS = 8

/**
 * Features of one frame that do not depend on the window: each hand normalised on its own (left
 * hands mirrored into right hands). Cheap enough to compute per frame and cache.
 */
export function signFrameFeatures(frame: FrameObservation): Float32Array {
  const out = new Float32Array(SIGN_FRAME_FEATURE_SIZE)
  const [right, left] = assignSlots(frame.hands)
  writeFrameSlot(out, 0, right && handPose(right, frame.aspect), frame.aspect)
  writeFrameSlot(out, FRAME_SLOT_SIZE, left && handPose(left, frame.aspect), frame.aspect)
  return out
}

/** One hand per slot: the best-scoring Right and Left; a second hand with a duplicate label takes the free slot. */
function assignSlots(hands: HandObservation[]): [HandObservation | undefined, HandObservation | undefined] {
  const sorted = [...hands].sort((a, b) => b.score - a.score)
  let right: HandObservation | undefined
  let left: HandObservation | undefined
  for (const h of sorted) {
    if (h.handedness === 'Right' && !right) right = h
    else if (h.handedness === 'Left' && !left) left = h
    else if (!right) right = { ...h, handedness: 'Right' }
    else if (!left) left = { ...h, handedness: 'Left' }
  }
  return [right, left]
}

function writeFrameSlot(out: Float32Array, at: number, pose: HandPose | null | undefined, aspect: number) {
  if (!pose) return
  out[at] = 1
  out.set(pose.shape.subarray(2), at + 1)
  out[at + 41] = Math.sin(pose.angleRad)
  out[at + 42] = Math.cos(pose.angleRad)
  out[at + 43] = pose.wristX - aspect / 2
  out[at + 44] = pose.wristY - 0.5
  out[at + 45] = pose.palmSize
}

export type TimedFrameFeatures = { t: number; features: Float32Array }

export type SignWindowOptions = {
  /** Window start and end in the frames' clock (ms); default: first and last frame. */
  startMs?: number
  endMs?: number
}

/**
 * The word model's input for the frames of one window (sorted by `t`): resampled by time to
 * `SIGN_WINDOW_FRAMES` instants (nearest frame), so a 15 fps and a 30 fps camera give the same
 * input. Returns `SIGN_WINDOW_INPUT_SIZE` values.
 *
 * @example
 * const recent = frames.filter((f) => f.t >= now - 1200)
 * const input = signWindowInput(recent, { startMs: now - 1200, endMs: now })
 */
export function signWindowInput(frames: FrameObservation[], opts: SignWindowOptions = {}): Float32Array {
  return signWindowFromFeatures(
    frames.map((f) => ({ t: f.t, features: signFrameFeatures(f) })),
    opts,
  )
}

/** As `signWindowInput`, from per-frame features the caller cached (`signFrameFeatures`). */
export function signWindowFromFeatures(samples: TimedFrameFeatures[], opts: SignWindowOptions = {}): Float32Array {
  const out = new Float32Array(SIGN_WINDOW_INPUT_SIZE)
  if (samples.length === 0) return out
  const start = opts.startMs ?? samples[0]!.t
  const end = opts.endMs ?? samples[samples.length - 1]!.t
  const inWindow = samples.filter((s) => s.t >= start - SIGN_GAP_FILL_MS && s.t <= end + SIGN_GAP_FILL_MS)
  const frames = repairSwappedLabels(inWindow.length ? inWindow : samples, dominantSlot(inWindow.map((s) => s.features)))
  const steps: Float32Array[] = []
  for (let k = 0; k < SIGN_WINDOW_FRAMES; k++) {
    const t = start + ((end - start) * k) / (SIGN_WINDOW_FRAMES - 1)
    const near = nearestIndex(frames, t)
    const step = new Float32Array(SIGN_FRAME_FEATURE_SIZE)
    for (const at of [0, FRAME_SLOT_SIZE]) {
      const from = nearestWithHand(frames, near, at, t)
      if (from >= 0) step.set(frames[from]!.features.subarray(at, at + FRAME_SLOT_SIZE), at)
    }
    steps.push(step)
  }

  const dominant = dominantSlot(steps)
  const other = dominant === 0 ? FRAME_SLOT_SIZE : 0
  // A left-dominant signer is seen as the mirror image of a right-dominant one: shapes are already
  // mirrored per hand, so only horizontal positions flip.
  const mirror = dominant === FRAME_SLOT_SIZE ? -1 : 1
  const anchor = meanPlacement(steps, dominant)
  if (!anchor) return out

  for (let k = 0; k < SIGN_WINDOW_FRAMES; k++) {
    const f = steps[k]!
    const row = k * SIGN_STEP_SIZE
    writeStepSlot(out, row, f, dominant, anchor, mirror)
    writeStepSlot(out, row + STEP_SLOT_SIZE, f, other, anchor, mirror)
  }
  return out
}

function nearestIndex(samples: TimedFrameFeatures[], t: number): number {
  let lo = 0
  let hi = samples.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (samples[mid]!.t < t) lo = mid + 1
    else hi = mid
  }
  if (lo > 0 && Math.abs(samples[lo - 1]!.t - t) <= Math.abs(samples[lo]!.t - t)) return lo - 1
  return lo
}

/**
 * The landmarker now and then calls the one hand in view by the other side's name for a few frames
 * (seen throughout the Kaggle ISLR takes, and in MediaPipe's video mode). A lone hand under the
 * other label, close to where the dominant hand is in the nearest step that has it, is taken to be
 * the dominant hand: it moves slots and is mirrored back (its x coordinates and angle negated).
 */
function repairSwappedLabels(samples: TimedFrameFeatures[], dominant: number): TimedFrameFeatures[] {
  const other = dominant === 0 ? FRAME_SLOT_SIZE : 0
  const known = samples.map((s) => (s.features[dominant] === 1 ? s.features : undefined))
  return samples.map((s, k) => {
    const f = s.features
    if (f[dominant] === 1 || f[other] !== 1) return s
    let ref: Float32Array | undefined
    for (let d = 1; d < samples.length && !ref; d++) ref = known[k - d] ?? known[k + d]
    if (!ref) return s
    const dist = Math.hypot(f[other + 43]! - ref[dominant + 43]!, f[other + 44]! - ref[dominant + 44]!)
    if (dist > SWAP_RADIUS_PALMS * ref[dominant + 45]!) return s
    const fixed = new Float32Array(f.length)
    fixed.set(f.subarray(other, other + FRAME_SLOT_SIZE), dominant)
    for (let i = 1; i <= 40; i += 2) fixed[dominant + i] = -fixed[dominant + i]!
    fixed[dominant + 41] = -fixed[dominant + 41]!
    // The wrist position is a fact of the image, not of the label: it stays as measured.
    return { t: s.t, features: fixed }
  })
}

/** The sample nearest `t` (starting the search at `near`) whose slot `at` has a hand within SIGN_GAP_FILL_MS, or -1. */
function nearestWithHand(samples: TimedFrameFeatures[], near: number, at: number, t: number): number {
  if (samples[near]!.features[at] === 1) return near
  let best = -1
  let bestGap = SIGN_GAP_FILL_MS
  for (let i = near - 1; i >= 0 && t - samples[i]!.t <= bestGap; i--) {
    if (samples[i]!.features[at] === 1) {
      best = i
      bestGap = t - samples[i]!.t
      break
    }
  }
  for (let i = near + 1; i < samples.length && samples[i]!.t - t <= bestGap; i++) {
    if (samples[i]!.features[at] === 1) {
      if (samples[i]!.t - t < bestGap || best < 0) best = i
      break
    }
  }
  return best
}

/** The hand seen in more steps leads; on a tie, the one that travels further; then the right. */
function dominantSlot(steps: Float32Array[]): number {
  const score = (at: number) => {
    let seen = 0
    let travel = 0
    let prev: Float32Array | undefined
    for (const f of steps) {
      if (f[at] !== 1) continue
      seen++
      if (prev) travel += Math.hypot(f[at + 43]! - prev[at + 43]!, f[at + 44]! - prev[at + 44]!) / f[at + 45]!
      prev = f
    }
    return seen * 1e6 + travel
  }
  return score(FRAME_SLOT_SIZE) > score(0) ? FRAME_SLOT_SIZE : 0
}

type Placement = { x: number; y: number; palm: number }

function meanPlacement(steps: Float32Array[], at: number): Placement | null {
  let n = 0
  let x = 0
  let y = 0
  let palm = 0
  for (const f of steps) {
    if (f[at] !== 1) continue
    n++
    x += f[at + 43]!
    y += f[at + 44]!
    palm += f[at + 45]!
  }
  return n === 0 ? null : { x: x / n, y: y / n, palm: palm / n }
}

function writeStepSlot(out: Float32Array, row: number, f: Float32Array, at: number, anchor: Placement, mirror: number) {
  if (f[at] !== 1) return
  out[row] = 1
  out.set(f.subarray(at + 1, at + 43), row + 1)
  out[row + 43] = clamp((mirror * (f[at + 43]! - anchor.x)) / anchor.palm)
  out[row + 44] = clamp((f[at + 44]! - anchor.y) / anchor.palm)
  out[row + 45] = Math.log(f[at + 45]! / anchor.palm)
  out[row + 46] = mirror * f[at + 43]!
  out[row + 47] = f[at + 44]!
  out[row + 48] = Math.log(10 * f[at + 45]!)
}

const clamp = (v: number) => Math.max(-MAX_OFFSET_PALMS, Math.min(MAX_OFFSET_PALMS, v))
