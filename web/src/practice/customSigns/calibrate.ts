/**
 * @module The rejection threshold of a custom sign, from the signer's own takes: how far a new
 * attempt may be from the nearest take and still count. Wide enough for the way the takes differ
 * from each other; never so wide that it would take in a sign the app already knows (the glossary's
 * reference signs) or another of the user's own signs.
 */
import { sequenceDistance, type SignSequence } from './signSequence'

export const CALIBRATION = {
  /** The threshold is this many times the takes' spread… */
  spreadFactor: 1.25,
  /** …but at least this (three near-identical takes would otherwise reject the same sign made a bit differently)… */
  minThreshold: 0.2,
  /** …and at most this: other people's takes of one sign measured 0.27, other signs 0.40 and up (signSequence.ts). */
  maxThreshold: 0.35,
  /** …and below this share of the distance to the nearest known other sign. */
  otherSignShare: 0.8,
  /** A take farther than this from every other take probably is not the same sign. */
  outlierDistance: 0.5,
}

export type Calibration = {
  threshold: number
  /** The largest distance from a take to its nearest other take. */
  spread: number
  /** Distance from the takes to the nearest other sign, if any were given. */
  nearestOther: number | null
  /** Indices of takes that do not look like the others. */
  outliers: number[]
}

export function calibrate(takes: readonly SignSequence[], others: readonly SignSequence[]): Calibration {
  const nearestTake = takes.map((t, i) => Math.min(...takes.filter((_, j) => j !== i).map((u) => sequenceDistance(t, u))))
  const spread = takes.length > 1 ? Math.max(...nearestTake) : 0
  const nearestOther = others.length > 0 ? Math.min(...takes.flatMap((t) => others.map((o) => sequenceDistance(t, o)))) : null
  const c = CALIBRATION
  let threshold = Math.min(c.maxThreshold, Math.max(c.minThreshold, c.spreadFactor * spread))
  if (nearestOther !== null) threshold = Math.min(threshold, c.otherSignShare * nearestOther)
  const outliers = takes.length > 2 ? nearestTake.flatMap((d, i) => (d > c.outlierDistance ? [i] : [])) : []
  return { threshold, spread, nearestOther, outliers }
}
