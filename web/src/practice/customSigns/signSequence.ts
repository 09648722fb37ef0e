/**
 * @module A stretch of frames → the sequence a custom sign is compared by: the shared per-frame
 * features (`signFrameFeatures`, the same code the word model uses) resampled to a fixed number of
 * instants, with each hand's movement expressed relative to where the leading hand is on average,
 * and `sequenceDistance`, dynamic time warping between two such sequences.
 *
 * Weights (custom-sign study on real clips, issue #6): handshape coordinates are many and noisy
 * from one person to the next, so they count half; the movement relative to the hand's own mean
 * position counts double (it is what makes a sign, whatever the framing); where the hand is in the
 * picture counts half (framing differs between cameras). With these, the WLASL "abdomen" takes of
 * two other people come out 0.27 from one signer's takes, against 0.40 for the closest other sign
 * (PLEASE, same hand shape on the chest) and ≥ 0.7 for ten more.
 */
import { SIGN_FRAME_FEATURE_SIZE, type TimedFrameFeatures } from '../../../../shared/features/signFeatures'

/** Instants a sequence is resampled to; time warping absorbs what differs in pace. */
export const SEQUENCE_STEPS = 16
/** The per-frame features: per hand present, 40 shape, sin/cos angle, wrist x, y (from the image centre), palm size. */
const FRAME_SLOT = SIGN_FRAME_FEATURE_SIZE / 2
const SHAPE = 40
/** Per hand per step: present, shape, sin/cos, movement (x, y, log size), place (x, y, log size). */
const STEP_SLOT = 1 + SHAPE + 2 + 3 + 3
export const STEP_SIZE = 2 * STEP_SLOT

/** A lost hand is taken from the nearest frame that has it within this long (the landmarker misses single frames). */
const GAP_FILL_MS = 100
/** A hand farther than this many palm sizes from its mean place is clamped: one bad detection cannot dominate. */
const MAX_OFFSET_PALMS = 8
/** Sakoe–Chiba band in steps: how far in time two sequences may be warped against each other. */
const BAND_STEPS = 8

export const WEIGHTS = { present: 1, shape: 0.5, angle: 1, movement: 2, place: 0.5 }

const STEP_WEIGHTS = (() => {
  const w = new Float32Array(STEP_SIZE)
  for (const at of [0, STEP_SLOT]) {
    w[at] = WEIGHTS.present
    w.fill(WEIGHTS.shape, at + 1, at + 1 + SHAPE)
    w.fill(WEIGHTS.angle, at + 41, at + 43)
    w.fill(WEIGHTS.movement, at + 43, at + 46)
    w.fill(WEIGHTS.place, at + 46, at + 49)
  }
  return w
})()

export type SignSequence = Float32Array

/** Samples from `startMs` to `endMs` (default: all of them) → a `SEQUENCE_STEPS × STEP_SIZE` sequence. */
export function signSequence(samples: readonly TimedFrameFeatures[], startMs?: number, endMs?: number): SignSequence {
  const out = new Float32Array(SEQUENCE_STEPS * STEP_SIZE)
  if (samples.length === 0) return out
  const start = startMs ?? samples[0]!.t
  const end = endMs ?? samples[samples.length - 1]!.t
  const steps: Float32Array[] = []
  for (let k = 0; k < SEQUENCE_STEPS; k++) {
    const t = start + ((end - start) * k) / (SEQUENCE_STEPS - 1)
    const step = new Float32Array(SIGN_FRAME_FEATURE_SIZE)
    for (const at of [0, FRAME_SLOT]) {
      const from = nearestWithHand(samples, t, at)
      if (from) step.set(from.features.subarray(at, at + FRAME_SLOT), at)
    }
    steps.push(step)
  }
  const seen = (at: number) => steps.filter((s) => s[at] === 1).length
  const lead = seen(FRAME_SLOT) > seen(0) ? FRAME_SLOT : 0
  // A left-handed signer is the mirror image of a right-handed one: shapes are already mirrored
  // per hand, so only horizontal positions flip.
  const mirror = lead === FRAME_SLOT ? -1 : 1
  const anchor = meanPlace(steps, lead)
  if (!anchor) return out
  steps.forEach((s, k) => {
    writeSlot(out, k * STEP_SIZE, s, lead, anchor, mirror)
    writeSlot(out, k * STEP_SIZE + STEP_SLOT, s, lead === 0 ? FRAME_SLOT : 0, anchor, mirror)
  })
  return out
}

function nearestWithHand(samples: readonly TimedFrameFeatures[], t: number, at: number): TimedFrameFeatures | null {
  let best: TimedFrameFeatures | null = null
  let bestGap = Infinity
  let nearestGap = Infinity
  for (const s of samples) nearestGap = Math.min(nearestGap, Math.abs(s.t - t))
  for (const s of samples) {
    const gap = Math.abs(s.t - t)
    if (s.features[at] !== 1 || gap > nearestGap + GAP_FILL_MS) continue
    if (gap < bestGap) {
      best = s
      bestGap = gap
    }
  }
  return best
}

type Place = { x: number; y: number; palm: number }

function meanPlace(steps: Float32Array[], at: number): Place | null {
  const seen = steps.filter((s) => s[at] === 1)
  if (seen.length === 0) return null
  const mean = (i: number) => seen.reduce((n, s) => n + s[at + i]!, 0) / seen.length
  return { x: mean(43), y: mean(44), palm: mean(45) }
}

function writeSlot(out: Float32Array, row: number, f: Float32Array, at: number, anchor: Place, mirror: number) {
  if (f[at] !== 1) return
  const clamp = (v: number) => Math.max(-MAX_OFFSET_PALMS, Math.min(MAX_OFFSET_PALMS, v))
  out[row] = 1
  out.set(f.subarray(at + 1, at + 43), row + 1)
  out[row + 43] = clamp((mirror * (f[at + 43]! - anchor.x)) / anchor.palm)
  out[row + 44] = clamp((f[at + 44]! - anchor.y) / anchor.palm)
  out[row + 45] = Math.log(f[at + 45]! / anchor.palm)
  out[row + 46] = mirror * f[at + 43]!
  out[row + 47] = f[at + 44]!
  out[row + 48] = Math.log(10 * f[at + 45]!)
}

function stepDistance(a: SignSequence, i: number, b: SignSequence, j: number): number {
  let sum = 0
  const ai = i * STEP_SIZE
  const bj = j * STEP_SIZE
  for (let k = 0; k < STEP_SIZE; k++) {
    const d = a[ai + k]! - b[bj + k]!
    sum += STEP_WEIGHTS[k]! * d * d
  }
  return Math.sqrt(sum)
}

/**
 * Dynamic time warping distance between two sequences: the cheapest monotone alignment of their
 * steps, per aligned step (so distances of sequences of any pace are comparable). 0 for the same sequence.
 */
export function sequenceDistance(a: SignSequence, b: SignSequence): number {
  const n = SEQUENCE_STEPS
  let prev = new Float64Array(n + 1).fill(Infinity)
  let cur = new Float64Array(n + 1)
  prev[0] = 0
  for (let i = 1; i <= n; i++) {
    cur.fill(Infinity)
    for (let j = Math.max(1, i - BAND_STEPS); j <= Math.min(n, i + BAND_STEPS); j++) {
      cur[j] = stepDistance(a, i - 1, b, j - 1) + Math.min(prev[j]!, cur[j - 1]!, prev[j - 1]!)
    }
    ;[prev, cur] = [cur, prev]
  }
  return prev[n]! / (2 * n)
}
