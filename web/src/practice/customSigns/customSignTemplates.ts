/**
 * @module Stored custom signs → what the matcher compares against: each take as a sequence, and
 * each sign's threshold calibrated against its own takes and every other sign known (the reference
 * signs and the user's other custom signs). Recomputed on load, never stored, so a change to the
 * shared features cannot leave stale thresholds behind.
 */
import type { FrameObservation } from '../../../../shared/features/observation'
import { signFrameFeatures } from '../../../../shared/features/signFeatures'
import { calibrate, type Calibration } from './calibrate'
import type { CustomSignTemplate } from './makeCustomSignMatcher'
import { signSequence, type SignSequence } from './signSequence'

/** A custom sign as stored on the device: landmarks only, never video. */
export type CustomSignRecord = {
  id: string
  name: string
  createdAt: number
  updatedAt: number
  /** Each take from its first to its last frame with a hand; `t` in ms from the take's start. */
  takes: FrameObservation[][]
}

/** Takes needed before a custom sign is saved: one to learn from, two to measure how it varies. */
export const MIN_TAKES = 3

export function takeSequence(take: readonly FrameObservation[]): { sequence: SignSequence; durationMs: number } {
  const samples = take.map((f) => ({ t: f.t, features: signFrameFeatures(f) }))
  return { sequence: signSequence(samples), durationMs: take.length > 1 ? take[take.length - 1]!.t - take[0]!.t : 0 }
}

export type CalibratedTemplate = CustomSignTemplate & { calibration: Calibration }

export function customSignTemplates(records: readonly CustomSignRecord[], references: readonly SignSequence[]): CalibratedTemplate[] {
  const sequences = records.map((r) => r.takes.map(takeSequence))
  return records.map((r, i) => {
    const takes = sequences[i]!
    const others = [...references, ...sequences.flatMap((s, j) => (j === i ? [] : s.map((t) => t.sequence)))]
    const calibration = calibrate(
      takes.map((t) => t.sequence),
      others,
    )
    return { id: r.id, name: r.name, takes, threshold: calibration.threshold, calibration }
  })
}
