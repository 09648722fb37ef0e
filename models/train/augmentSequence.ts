/**
 * @module Augmentation of a sign sequence into one training window, matched to real variation:
 * where the sign sits in the decoder's window (crop or pad with rest / absent hands), signing speed
 * (a random monotone time warp), dropped camera frames and lost detections, the scene turned and
 * stretched a little, landmark jitter, and the mirror image (a left-handed signer).
 */
import type { FrameObservation, HandObservation } from '../../shared/features/observation'
import { sequenceFrames, type SignSequence } from '../data/types'
import type { Random } from './random'

export type SequenceAugment = {
  /** Fraction of the sign's duration that may be cut from each end (webcam takes include lead-in). */
  crop: number
  /** Fraction of the duration that may be added at each end (Kaggle takes are trimmed to the sign). */
  pad: number
  /** Slowest and fastest local speed of the time warp. */
  speed: [number, number]
  /** Most frames dropped (fraction) and most single-hand detections lost (fraction). */
  dropFrames: number
  dropHands: number
  rollDeg: number
  stretch: number
  /** Landmark noise in palm sizes. */
  jitter: number
  mirror: number
}

export const SEQUENCE_AUGMENT: SequenceAugment = {
  crop: 0.15,
  pad: 0.3,
  speed: [0.7, 1.4],
  dropFrames: 0.3,
  dropHands: 0.1,
  rollDeg: 10,
  stretch: 0.1,
  jitter: 0.02,
  mirror: 0.5,
}

export type Window = { frames: FrameObservation[]; startMs: number; endMs: number }

/** The sequence as it was recorded, as one window (evaluation). */
export function wholeWindow(seq: SignSequence): Window {
  const frames = sequenceFrames(seq)
  return { frames, startMs: frames[0]?.t ?? 0, endMs: frames[frames.length - 1]?.t ?? 0 }
}

/**
 * One augmented window over `seq`. `trimmed` says the take holds only the sign (pad it with rest);
 * otherwise it holds lead-in and rest already (crop it).
 */
export function augmentWindow(seq: SignSequence, a: SequenceAugment, rnd: Random, trimmed: boolean): Window {
  let frames = sequenceFrames(seq)
  const t0 = frames[0]!.t
  const t1 = frames[frames.length - 1]!.t
  const dur = Math.max(t1 - t0, 1)

  let startMs = t0 + (trimmed ? 0 : rnd.uniform(0, a.crop) * dur)
  let endMs = t1 - (trimmed ? 0 : rnd.uniform(0, a.crop) * dur)
  if (trimmed) {
    const step = dur / Math.max(frames.length - 1, 1)
    const before = Math.round((rnd.uniform(0, a.pad) * dur) / step)
    const after = Math.round((rnd.uniform(0, a.pad) * dur) / step)
    frames = [
      ...restFrames(frames[0]!, before, -step, rnd),
      ...frames,
      ...restFrames(frames[frames.length - 1]!, after, step, rnd),
    ].sort((p, q) => p.t - q.t)
    startMs = frames[0]!.t
    endMs = frames[frames.length - 1]!.t
  }

  const warp = timeWarp(startMs, endMs, a.speed, rnd)
  const dropP = rnd.uniform(0, a.dropFrames)
  const handP = rnd.uniform(0, a.dropHands)
  const scene = sceneTransform(frames, a, rnd)
  const out: FrameObservation[] = []
  for (const f of frames) {
    if (f.t < startMs || f.t > endMs) continue
    if (rnd.chance(dropP)) continue
    out.push({
      t: warp(f.t),
      aspect: 1,
      hands: f.hands.filter(() => !rnd.chance(handP)).map((h) => scene(h, f.aspect)),
    })
  }
  if (out.length < 2) return augmentWindow(seq, { ...a, dropFrames: 0 }, rnd, trimmed)
  return { frames: out, startMs: warp(startMs), endMs: warp(endMs) }
}

/**
 * Frames before or after a trimmed take: the hand held where it was (with a little drift) or out
 * of view, as between signs.
 */
function restFrames(edge: FrameObservation, n: number, stepMs: number, rnd: Random): FrameObservation[] {
  const absent = rnd.chance(0.5)
  const out: FrameObservation[] = []
  for (let i = 1; i <= n; i++) out.push({ t: edge.t + i * stepMs, aspect: edge.aspect, hands: absent ? [] : edge.hands })
  return out
}

/** A monotone piecewise-linear map of [start, end] onto itself with local speeds in `speed`. */
function timeWarp(start: number, end: number, speed: [number, number], rnd: Random): (t: number) => number {
  const pieces = 4
  const rates = Array.from({ length: pieces }, () => 1 / rnd.uniform(speed[0], speed[1]))
  const total = rates.reduce((x, y) => x + y, 0)
  const knots = [0]
  for (const r of rates) knots.push(knots[knots.length - 1]! + r / total)
  const span = end - start || 1
  return (t) => {
    const u = Math.min(Math.max((t - start) / span, 0), 1) * pieces
    const i = Math.min(Math.floor(u), pieces - 1)
    return start + span * (knots[i]! + (u - i) * (knots[i + 1]! - knots[i]!))
  }
}

/** One transform for the whole window (signers turn the camera, not each frame): roll, stretch, mirror, jitter. */
function sceneTransform(frames: FrameObservation[], a: SequenceAugment, rnd: Random) {
  let cx = 0
  let cy = 0
  let n = 0
  let palm = 0
  for (const f of frames)
    for (const h of f.hands) {
      cx += h.landmarks[0]!.x * f.aspect
      cy += h.landmarks[0]!.y
      palm += Math.hypot((h.landmarks[9]!.x - h.landmarks[0]!.x) * f.aspect, h.landmarks[9]!.y - h.landmarks[0]!.y)
      n++
    }
  cx /= n || 1
  cy /= n || 1
  palm = palm / (n || 1) || 0.05
  const roll = (rnd.uniform(-a.rollDeg, a.rollDeg) * Math.PI) / 180
  const [c, s] = [Math.cos(roll), Math.sin(roll)]
  const sx = 1 + rnd.uniform(-a.stretch, a.stretch)
  const mirror = rnd.chance(a.mirror)
  return (h: HandObservation, aspect: number): HandObservation => ({
    score: h.score,
    handedness: mirror ? (h.handedness === 'Left' ? 'Right' : 'Left') : h.handedness,
    landmarks: h.landmarks.map((p) => {
      const x = p.x * aspect - cx
      const y = p.y - cy
      const rx = (c * x - s * y) * sx
      const ry = s * x + c * y
      return {
        x: (mirror ? -rx : rx) + rnd.normal() * a.jitter * palm,
        y: ry + rnd.normal() * a.jitter * palm,
        z: p.z * aspect,
      }
    }),
  })
}
