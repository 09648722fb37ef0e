/**
 * @module The rate-limit decision: a sliding-window log of the request times in the last window.
 * Pure, so the rule is tested with plain numbers; `RateLimiter` keeps the log between requests.
 */

export type Decision = { allowed: boolean; retryAfterMs: number; remaining: number; log: number[] }

/**
 * Allows a request when fewer than `limit` fall in the `windowMs` before `nowMs`, and records it.
 * When refused, `retryAfterMs` is how long until the oldest of them leaves the window.
 */
export function decide(log: readonly number[], nowMs: number, limit: number, windowMs: number): Decision {
  const recent = log.filter((t) => t > nowMs - windowMs)
  if (recent.length < limit) {
    recent.push(nowMs)
    return { allowed: true, retryAfterMs: 0, remaining: limit - recent.length, log: recent }
  }
  const oldest = recent[recent.length - limit]!
  return { allowed: false, retryAfterMs: oldest + windowMs - nowMs, remaining: 0, log: recent }
}
