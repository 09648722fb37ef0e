/** @module Rolling per-stage timings and frame rate of the recogniser, as medians and p95s. */
import type { StageTimings } from './messages'
import { median, p95 } from './stats'

export type StageTimingsWithLatency = StageTimings & {
  /** Frame grabbed on the main thread → its result back there. */
  latencyMs: number
}

export type TimingSummary = {
  /** Results per second over the kept window. */
  fps: number
  processed: number
  /** Frames that were grabbed or presented but never recognised, because a newer one came first. */
  dropped: number
  median: StageTimingsWithLatency
  p95: StageTimingsWithLatency
}

/** Timings and result times kept for the rolling summary (~4 s at 30 fps). */
const KEEP_FRAMES = 120
const KEYS = ['landmarksMs', 'featuresMs', 'classifierMs', 'totalMs', 'latencyMs'] as const

export function makeFrameStats() {
  const timings: StageTimingsWithLatency[] = []
  const doneAt: number[] = []
  let processed = 0
  let dropped = 0
  const summarise = (q: (v: number[]) => number) =>
    Object.fromEntries(KEYS.map((k) => [k, q(timings.map((t) => t[k]))])) as StageTimingsWithLatency

  return {
    done(t: StageTimingsWithLatency, at: number) {
      processed++
      timings.push(t)
      doneAt.push(at)
      if (timings.length > KEEP_FRAMES) timings.shift()
      if (doneAt.length > KEEP_FRAMES) doneAt.shift()
    },
    dropped() {
      dropped++
    },
    summary(): TimingSummary {
      const span = doneAt.length > 1 ? (doneAt[doneAt.length - 1] as number) - (doneAt[0] as number) : 0
      return { fps: span > 0 ? ((doneAt.length - 1) * 1000) / span : 0, processed, dropped, median: summarise(median), p95: summarise(p95) }
    },
  }
}
