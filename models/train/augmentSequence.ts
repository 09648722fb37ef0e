/**
 * @module Augmentation of a sign sequence into one training window, matched to real variation:
 * where the sign sits in the decoder's window (crop or pad with rest / absent hands), signing speed
 * (a random monotone time warp), dropped camera frames and lost detections, the camera turned,
 * nearer or further, off centre or stretched a little, landmark jitter, and the mirror image (a
 * left-handed signer).
 */
import type { FrameObservation, HandObservation } from '../../shared/features/observation'
import { SIGN_WINDOW_MS } from '../../shared/features/signFeatures'
import { sequenceFrames, type SignSequence } from '../data/types'
import type { Random } from './random'

export type SequenceAugment = {
  /**
   * Share of windows cut the way the decoder cuts them: a SIGN_WINDOW_MS window that fits the
   * sign, ending anywhere that still holds nearly all of it, with rest or absent hands around the
   * take. The others span the take itself (cropped or padded).
   */
  decoderWindows: number
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
  /** Scale about the image centre (± fraction): the signer nearer or further. */
  zoom: number
  /** Shift in image heights: the signer off centre. */
  shift: number
  stretch: number
  /** Landmark noise in palm sizes. */
  jitter: number
  mirror: number
}

export const SEQUENCE_AUGMENT: SequenceAugment = {
  decoderWindows: 0.5,
  crop: 0.15,
  pad: 0.3,
  speed: [0.7, 1.4],
  dropFrames: 0.3,
  dropHands: 0.1,
  rollDeg: 10,
  zoom: 0.2,
  shift: 0.1,
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
  if (rnd.chance(a.decoderWindows)) return decoderWindow(seq, a, rnd)
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
  const inside = frames.filter((f) => f.t >= startMs && f.t <= endMs).map((f) => ({ ...f, t: warp(f.t) }))
  const w = augmentScene({ frames: inside, startMs: warp(startMs), endMs: warp(endMs) }, a, rnd)
  return w.frames.length >= 2 ? w : augmentWindow(seq, { ...a, dropFrames: 0 }, rnd, trimmed)
}

/** The spatial half of the augmentation, and lost frames and detections, for any window. */
export function augmentScene(w: Window, a: SequenceAugment, rnd: Random): Window {
  const dropP = rnd.uniform(0, a.dropFrames)
  const handP = rnd.uniform(0, a.dropHands)
  const scene = sceneTransform(w.frames, a, rnd)
  const frames: FrameObservation[] = []
  for (const f of w.frames) {
    if (rnd.chance(dropP)) continue
    frames.push({ t: f.t, aspect: f.aspect, hands: f.hands.filter(() => !rnd.chance(handP)).map((h) => scene(h, f.aspect)) })
  }
  return { frames, startMs: w.startMs, endMs: w.endMs }
}

/** A window as the decoder would cut it around this take (see `decoderWindows`). */
function decoderWindow(seq: SignSequence, a: SequenceAugment, rnd: Random): Window {
  const take = sequenceFrames(seq)
  const speed = rnd.uniform(a.speed[0], a.speed[1])
  const t0 = take[0]!.t
  const step = (take[take.length - 1]!.t - t0) / Math.max(take.length - 1, 1) / speed || 33
  const timed = take.map((f) => ({ ...f, t: (f.t - t0) / speed }))
  const signMs = timed[timed.length - 1]!.t
  const longest = Math.max(...SIGN_WINDOW_MS)
  const fits = SIGN_WINDOW_MS.find((w) => w >= 0.85 * signMs) ?? longest
  const w = fits * rnd.uniform(0.95, 1.05)
  const pad = Math.ceil(longest / step)
  const frames = [...restFrames(timed[0]!, pad, -step, rnd), ...timed, ...restFrames(timed[timed.length - 1]!, pad, step, rnd)].sort((p, q) => p.t - q.t)
  // The window holds (nearly) the whole sign when it can; a sign longer than the window fills it.
  const [lo, hi] = w >= signMs ? [signMs - 0.1 * signMs, w + 0.1 * signMs] : [w, signMs]
  const end = rnd.uniform(lo, Math.max(lo, hi))
  const start = end - w
  const warp = timeWarp(start, end, [0.85, 1.2], rnd)
  const inside = frames.filter((f) => f.t >= start && f.t <= end).map((f) => ({ ...f, t: warp(f.t) }))
  const out = augmentScene({ frames: inside, startMs: start, endMs: end }, a, rnd)
  return out.frames.length >= 2 ? out : decoderWindow(seq, { ...a, dropFrames: 0 }, rnd)
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

/**
 * One transform for the whole window (a camera placed differently, not a shaking one), about the
 * image centre so where the hands are in the picture stays meaningful: roll, zoom, shift, stretch,
 * mirror, and per-landmark jitter.
 */
function sceneTransform(frames: FrameObservation[], a: SequenceAugment, rnd: Random) {
  let palm = 0
  let n = 0
  for (const f of frames)
    for (const h of f.hands) {
      palm += Math.hypot((h.landmarks[9]!.x - h.landmarks[0]!.x) * f.aspect, h.landmarks[9]!.y - h.landmarks[0]!.y)
      n++
    }
  palm = palm / (n || 1) || 0.05
  const roll = (rnd.uniform(-a.rollDeg, a.rollDeg) * Math.PI) / 180
  const [c, s] = [Math.cos(roll), Math.sin(roll)]
  const zoom = 1 + rnd.uniform(-a.zoom, a.zoom)
  const sx = 1 + rnd.uniform(-a.stretch, a.stretch)
  const tx = rnd.uniform(-a.shift, a.shift)
  const ty = rnd.uniform(-a.shift, a.shift)
  const mirror = rnd.chance(a.mirror)
  return (h: HandObservation, aspect: number): HandObservation => ({
    score: h.score,
    handedness: mirror ? (h.handedness === 'Left' ? 'Right' : 'Left') : h.handedness,
    landmarks: h.landmarks.map((p) => {
      const x = (p.x - 0.5) * aspect
      const y = p.y - 0.5
      const rx = (c * x - s * y) * sx * zoom + tx + rnd.normal() * a.jitter * palm
      const ry = (s * x + c * y) * zoom + ty + rnd.normal() * a.jitter * palm
      return { x: (mirror ? -rx : rx) / aspect + 0.5, y: ry + 0.5, z: p.z }
    }),
  })
}
