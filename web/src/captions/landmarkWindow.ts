/**
 * @module The hand landmarks behind a caption, for a correction kept on the signer's device: the
 * recogniser's frames from a little before the caption started to a little after it ended. Pure.
 * Frame times are on the page's monotonic clock; caption times are epoch ms (frame time plus the
 * page's time origin, as the recogniser stamps them).
 */
import type { FrameObservation } from '../../../shared/features/observation'

/** Signs start before the recogniser is sure and the decoder commits after the hands settle. */
export const CORRECTION_PAD_MS = 500

export function landmarkWindow(
  frames: readonly FrameObservation[],
  caption: { tStart: number; tEnd: number },
  timeOriginMs: number,
  padMs = CORRECTION_PAD_MS,
): FrameObservation[] {
  const from = caption.tStart - timeOriginMs - padMs
  const to = caption.tEnd - timeOriginMs + padMs
  return frames.filter((f) => f.t >= from && f.t <= to)
}

/** Drops frames older than `keepMs` before the newest; what a correction can still reach. */
export function trimFrames(frames: FrameObservation[], keepMs: number): FrameObservation[] {
  const newest = frames.at(-1)?.t
  if (newest === undefined) return frames
  const first = frames.findIndex((f) => f.t >= newest - keepMs)
  return first <= 0 ? frames : frames.slice(first)
}
