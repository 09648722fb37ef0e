/**
 * @module Real sign takes for the custom-sign tests: the glossary's reference signs (MIT, see
 * ../glossary/ATTRIBUTION.md), and what a recording of them at another pace looks like.
 */
import type { FrameObservation } from '../../../../shared/features/observation'
import { decodeReference, type ReferenceFile } from '../glossary/referenceSigns'
import referenceFile from '../glossary/referenceTakes.json'

const file = referenceFile as ReferenceFile
export const REFERENCES = new Map(file.takes.map((t) => [t.label, decodeReference(t)]))

export function reference(label: string): FrameObservation[] {
  const r = REFERENCES.get(label)
  if (!r) throw new Error(`no reference sign ${label}`)
  return r.frames
}

/** The same movement signed `factor` times as slow, sampled at `fps` (nearest recorded frame). */
export function atPace(frames: readonly FrameObservation[], factor: number, fps = 30): FrameObservation[] {
  const end = frames[frames.length - 1]!.t * factor
  const out: FrameObservation[] = []
  for (let t = 0; t <= end; t += 1000 / fps) {
    const source = frames.reduce((a, b) => (Math.abs(b.t * factor - t) < Math.abs(a.t * factor - t) ? b : a))
    out.push({ ...source, t })
  }
  return out
}

/** The signer's hands out of view for `ms`. */
export const rest = (ms: number, fps = 30): FrameObservation[] => Array.from({ length: Math.round((ms * fps) / 1000) }, (_, i) => ({ t: (i * 1000) / fps, hands: [], aspect: 16 / 9 }))

/** Plays takes one after another on one clock. */
export function stream(...parts: FrameObservation[][]): FrameObservation[] {
  const out: FrameObservation[] = []
  let offset = 0
  for (const part of parts) {
    for (const f of part) out.push({ ...f, t: offset + f.t })
    offset = (out[out.length - 1]?.t ?? 0) + 1000 / 30
  }
  return out
}

/** The same take signed with the other hand (a left-handed signer), as the camera sees it. */
export function mirrored(frames: readonly FrameObservation[]): FrameObservation[] {
  return frames.map((f) => ({
    ...f,
    hands: f.hands.map((h) => ({ ...h, handedness: h.handedness === 'Right' ? 'Left' : 'Right', landmarks: h.landmarks.map((p) => ({ ...p, x: 1 - p.x })) })),
  }))
}
