/**
 * @module The reference signs: one real recorded take per supported sign (landmarks only, from
 * MIT-licensed sets; see ATTRIBUTION.md), used to animate the glossary's hand skeleton and as
 * known signs a custom sign must not be confused with. `referenceTakes.json` is written by
 * models/fixtures/extractSignReferences.ts in the compact form declared here; it ships with the
 * build, so it is typed rather than validated.
 */
import type { FrameObservation, HandObservation, Point3 } from '../../../../shared/features/observation'

/** Coordinates are stored as integers in thousandths of the image size. */
export const REFERENCE_SCALE = 1000

export type ReferenceFrame = {
  /** The signer's right and left hand: x0, y0, … x20, y20. */
  r?: number[]
  l?: number[]
  /** Body, when the source has it: nose, then the signer's left and right shoulder and elbow. */
  b?: number[]
}

export type ReferenceTake = {
  /** The model label it shows (`A`, `thank-you`). */
  label: string
  /** Where the take came from (repository and file), as ATTRIBUTION.md lists it. */
  source: string
  /** Width / height of the video the landmarks were normalised to. */
  aspect: number
  fps: number
  frames: ReferenceFrame[]
}

export type ReferenceFile = { v: 1; takes: ReferenceTake[] }

/** Body points for the drawing: the head and the shoulders place a sign near the face or the chest. */
export type BodyPoints = { nose: Point3; leftShoulder: Point3; rightShoulder: Point3; leftElbow: Point3; rightElbow: Point3 }

export type ReferenceSign = { label: string; source: string; fps: number; frames: FrameObservation[]; body: (BodyPoints | null)[] }

const points = (flat: readonly number[]): Point3[] => {
  const out: Point3[] = []
  for (let i = 0; i + 1 < flat.length; i += 2) out.push({ x: flat[i]! / REFERENCE_SCALE, y: flat[i + 1]! / REFERENCE_SCALE, z: 0 })
  return out
}

export function decodeReference(take: ReferenceTake): ReferenceSign {
  const frames: FrameObservation[] = []
  const body: (BodyPoints | null)[] = []
  take.frames.forEach((f, i) => {
    const hands: HandObservation[] = []
    if (f.r) hands.push({ handedness: 'Right', score: 1, landmarks: points(f.r) })
    if (f.l) hands.push({ handedness: 'Left', score: 1, landmarks: points(f.l) })
    frames.push({ t: (i * 1000) / take.fps, hands, aspect: take.aspect })
    const b = f.b && points(f.b)
    body.push(b && b.length === 5 ? { nose: b[0]!, leftShoulder: b[1]!, rightShoulder: b[2]!, leftElbow: b[3]!, rightElbow: b[4]! } : null)
  })
  return { label: take.label, source: take.source, fps: take.fps, frames, body }
}
