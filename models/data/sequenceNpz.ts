/**
 * @module Readers for the packed sign-sequence sets in ../shared/data/sequences:
 * - webcam-4-people and webcam-many-people: `frames` [n, T, 75, 3] float16/32 (left hand 0–20,
 *   pose 21–53, right hand 54–74; NaN = not detected), `label`, one repository = one person;
 * - samyabose-45-classes: `X` [n, 10, 126] (left hand then right hand, zeros = not detected);
 * - kaggle-islr `hands_pose.npz`: `frames` [N, 75, 3] sliced per sequence by `seq_offset`/`seq_len`,
 *   with `sign` and `participant_id`.
 * Hands keep the sides MediaPipe Holistic gave them; checked against the geometry of palm-forward
 * signs (hello, I love you), those sides match the hand's chirality in every set but one
 * (SidrahRashid stores the first detected hand as "right"), which is what the features' mirroring needs.
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { parseNpz, requireFloat, requireInts, requireStrings, type NpyArray } from './npz'
import { WEBCAM_ASPECT } from './letterCsv'
import { normaliseSignLabel, SEQUENCE_FRAME_STRIDE, type SignSequence } from './types'

/**
 * The webcam sets store frame indices, not times. Their capture loops run MediaPipe Holistic on a
 * laptop CPU between frames (the "MP_Data" tutorial code), which paces them near 20 fps.
 */
export const WEBCAM_FRAME_MS = 50
/** Kaggle ISLR videos are phone recordings at 30 fps; frames are numbered in video frames. */
export const KAGGLE_FRAME_MS = 1000 / 30
/**
 * Kaggle ISLR videos are phone selfie recordings; the frame size is not published. Fitting the
 * aspect that makes the 3-D hand bones most rigid across each participant's frames gives ~0.55 of
 * the same fit on the 4:3 webcam sets, i.e. portrait 3:4.
 */
export const KAGGLE_ASPECT = 3 / 4

const POSE_SIZE = 33
const LEFT_AT = 0
const RIGHT_AT = 21 + POSE_SIZE

/** Which kind of sequence archive an .npz is, from its array names. */
export function sequenceNpzKind(arrays: Map<string, NpyArray>): 'webcam' | 'samyabose' | 'kaggle-hands-pose' | null {
  if (arrays.has('seq_offset') && arrays.has('frames')) return 'kaggle-hands-pose'
  if (arrays.has('frames') && arrays.has('label')) return 'webcam'
  if (arrays.has('X') && arrays.has('label')) return 'samyabose'
  return null
}

export function readSequenceNpz(path: string, opts: { source?: string } = {}): SignSequence[] {
  const arrays = parseNpz(readFileSync(path))
  switch (sequenceNpzKind(arrays)) {
    case 'webcam':
      return readWebcam(arrays, path, opts.source ?? 'webcam')
    case 'samyabose':
      return readSamyabose(arrays, path, opts.source ?? 'samyabose-45-classes')
    case 'kaggle-hands-pose':
      return readKaggleHandsPose(arrays, path, opts.source ?? 'kaggle-islr')
    default:
      throw new Error(`${path}: not a sign-sequence archive (arrays: ${[...arrays.keys()].join(', ')})`)
  }
}

function readWebcam(arrays: Map<string, NpyArray>, path: string, source: string): SignSequence[] {
  const frames = requireFloat(arrays, 'frames', path)
  const labels = requireStrings(arrays, 'label', path)
  const [n, T, joints] = frames.shape
  if (frames.shape.length !== 4 || joints !== 75 || frames.shape[3] !== 3) throw new Error(`${path}: frames shape ${frames.shape}`)
  const repo = arrays.get('source_repo')
  const person = repo?.kind === 'string' && repo.data[0] ? repo.data[0] : `github.com/${basename(path).replace(/(_hands_pose)?\.npz$/, '')}`
  const out: SignSequence[] = []
  for (let s = 0; s < n!; s++) {
    const hands = new Float32Array(T! * SEQUENCE_FRAME_STRIDE)
    for (let f = 0; f < T!; f++) {
      const src = (s * T! + f) * 75 * 3
      hands.set(frames.data.subarray(src + RIGHT_AT * 3, src + RIGHT_AT * 3 + 63), f * SEQUENCE_FRAME_STRIDE)
      hands.set(frames.data.subarray(src + LEFT_AT * 3, src + LEFT_AT * 3 + 63), f * SEQUENCE_FRAME_STRIDE + 63)
    }
    out.push({ person, source, label: normaliseSignLabel(labels[s]!), timesMs: frameTimes(T!, WEBCAM_FRAME_MS), hands, aspect: WEBCAM_ASPECT })
  }
  return out
}

function readSamyabose(arrays: Map<string, NpyArray>, path: string, source: string): SignSequence[] {
  const X = requireFloat(arrays, 'X', path)
  const labels = requireStrings(arrays, 'label', path)
  const [n, T, width] = X.shape
  if (width !== 126) throw new Error(`${path}: X shape ${X.shape}`)
  const out: SignSequence[] = []
  for (let s = 0; s < n!; s++) {
    const hands = new Float32Array(T! * SEQUENCE_FRAME_STRIDE)
    for (let f = 0; f < T!; f++) {
      const src = (s * T! + f) * 126
      copyZeroAsMissing(X.data, src + 63, hands, f * SEQUENCE_FRAME_STRIDE)
      copyZeroAsMissing(X.data, src, hands, f * SEQUENCE_FRAME_STRIDE + 63)
    }
    out.push({
      person: 'github.com/samyabose/Sign-Language-Recognition',
      source,
      label: normaliseSignLabel(labels[s]!),
      timesMs: frameTimes(T!, WEBCAM_FRAME_MS),
      hands,
      aspect: WEBCAM_ASPECT,
    })
  }
  return out
}

/** samyabose writes an undetected hand as 63 zeros. */
function copyZeroAsMissing(src: Float32Array | Float64Array, from: number, dst: Float32Array, to: number) {
  let any = false
  for (let i = 0; i < 63; i++) if (src[from + i] !== 0) any = true
  for (let i = 0; i < 63; i++) dst[to + i] = any ? src[from + i]! : NaN
}

function readKaggleHandsPose(arrays: Map<string, NpyArray>, path: string, source: string): SignSequence[] {
  const frames = requireFloat(arrays, 'frames', path)
  const offsets = requireInts(arrays, 'seq_offset', path)
  const lengths = requireInts(arrays, 'seq_len', path)
  const signs = requireStrings(arrays, 'sign', path)
  const participants = requireInts(arrays, 'participant_id', path)
  const out: SignSequence[] = []
  for (let s = 0; s < offsets.length; s++) {
    const len = lengths[s]!
    const hands = new Float32Array(len * SEQUENCE_FRAME_STRIDE)
    for (let f = 0; f < len; f++) {
      const src = (offsets[s]! + f) * 75 * 3
      hands.set(frames.data.subarray(src + RIGHT_AT * 3, src + RIGHT_AT * 3 + 63), f * SEQUENCE_FRAME_STRIDE)
      hands.set(frames.data.subarray(src + LEFT_AT * 3, src + LEFT_AT * 3 + 63), f * SEQUENCE_FRAME_STRIDE + 63)
    }
    out.push({
      person: `kaggle-islr/${participants[s]}`,
      source,
      label: normaliseSignLabel(signs[s]!),
      timesMs: frameTimes(len, KAGGLE_FRAME_MS),
      hands,
      aspect: KAGGLE_ASPECT,
    })
  }
  return out
}

export function frameTimes(n: number, frameMs: number): Float64Array {
  const t = new Float64Array(n)
  for (let i = 0; i < n; i++) t[i] = i * frameMs
  return t
}
