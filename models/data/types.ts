/**
 * @module What every reader in `models/data/` returns: letter samples (one hand, one frame) and
 * sign sequences, each tagged with the person who signed it, because every evaluation here holds
 * out people, never random frames.
 */
import type { FrameObservation, HandObservation } from '../../shared/features/observation'

export type LetterSample = {
  /** The signer (one repository or per-person file = one person unless its notes say otherwise). */
  person: string
  /** The data set it came from, e.g. `many-people`. */
  source: string
  /** 'A'…'Z' */
  label: string
  hand: HandObservation
  /** Width / height of the coordinate frame the landmarks are normalised to. */
  aspect: number
}

export type SignSequence = {
  person: string
  source: string
  /** Normalised label: lower-case letters and digits only (`thankyou`, `iloveyou`). */
  label: string
  /** Frame times in ms, increasing. */
  timesMs: Float64Array
  /** [frame][slot: 0 = signer's right hand, 1 = left][21 points][x, y, z]; NaN where the hand was not seen. */
  hands: Float32Array
  aspect: number
}

export const SEQUENCE_FRAME_STRIDE = 2 * 21 * 3

export const frameCount = (s: SignSequence) => s.timesMs.length

/** Expands the packed form into the observations the feature functions take. */
export function sequenceFrames(s: SignSequence): FrameObservation[] {
  const frames: FrameObservation[] = []
  for (let f = 0; f < s.timesMs.length; f++) {
    const hands: HandObservation[] = []
    for (let slot = 0; slot < 2; slot++) {
      const at = f * SEQUENCE_FRAME_STRIDE + slot * 63
      if (!Number.isFinite(s.hands[at]!)) continue
      const landmarks = []
      for (let i = 0; i < 21; i++) {
        landmarks.push({ x: s.hands[at + 3 * i]!, y: s.hands[at + 3 * i + 1]!, z: s.hands[at + 3 * i + 2]! })
      }
      hands.push({ landmarks, handedness: slot === 0 ? 'Right' : 'Left', score: 1 })
    }
    frames.push({ t: s.timesMs[f]!, hands, aspect: s.aspect })
  }
  return frames
}

/** thanks / thank you / thank-you → thankyou, i love you → iloveyou, as the webcam harvest did. */
export function normaliseSignLabel(raw: string): string {
  const s = raw.toLowerCase().replace(/[^a-z0-9]/g, '')
  if (s === 'thanks' || s === 'thankyou') return 'thankyou'
  if (s === 'iloveyou' || s === 'ily') return 'iloveyou'
  return s
}
