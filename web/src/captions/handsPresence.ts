/**
 * @module Whether the signer's hands are up, as told to viewers for the spotlight: up at the first
 * frame with a hand, down only after `downAfterMs` without one, so a frame the landmarker misses
 * mid-sign sends nothing. Pure.
 */

export type HandsPresence = { up: boolean; lastSeenMs: number }

export const HANDS_DOWN_AFTER_MS = 600
export const HANDS_NONE: HandsPresence = { up: false, lastSeenMs: -Infinity }

export function nextHandsPresence(prev: HandsPresence, handsInFrame: number, frameMs: number, downAfterMs = HANDS_DOWN_AFTER_MS): HandsPresence {
  if (handsInFrame > 0) return { up: true, lastSeenMs: frameMs }
  if (prev.up && frameMs - prev.lastSeenMs >= downAfterMs) return { up: false, lastSeenMs: prev.lastSeenMs }
  return prev
}
