/** @module When to retry the room socket: exponential backoff with jitter, capped. */

export const RECONNECT_BASE_MS = 400
export const RECONNECT_MAX_MS = 15_000

/**
 * Delay before reconnect attempt `attempt` (0 for the first retry). "Equal jitter": half of the
 * exponential step is fixed and half random, so a crowd of clients dropped by one server restart
 * spreads out, yet no client retries sooner than half its step (AWS Architecture Blog,
 * "Exponential Backoff and Jitter"). `random` is injectable so tests can pin it.
 */
export function reconnectDelayMs(
  attempt: number,
  random: () => number = Math.random,
  baseMs = RECONNECT_BASE_MS,
  maxMs = RECONNECT_MAX_MS,
): number {
  const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.floor(attempt)))
  return Math.round(step / 2 + random() * (step / 2))
}
