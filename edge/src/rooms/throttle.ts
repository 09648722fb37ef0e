/**
 * @module A token bucket per socket: the room's flood guard. Pure, so the room keeps one bucket
 * per socket in memory and tests drive it with plain numbers.
 */

/**
 * A full room's newcomer sends an offer and a dozen ICE candidates to each of 7 peers within a
 * second or two (~100 frames), so the burst allows twice that; steady use (chat, captions,
 * state, renegotiation) stays far under 50 frames a second.
 */
export const BURST_FRAMES = 200
export const REFILL_FRAMES_PER_S = 50
/** Large frames cost more, so one socket cannot push 64 KB frames at the full frame rate. */
export const BYTES_PER_EXTRA_TOKEN = 16_384
/** At most one `rate-limited` frame a second, so a flood is not answered with a flood. */
export const WARN_INTERVAL_MS = 1_000
/** Dropped frames without the bucket recovering to half full, after which the socket is closed. */
export const MAX_DROPS_BEFORE_CLOSE = 500

export type Bucket = { tokens: number; updatedAtMs: number; drops: number; warnedAtMs: number }

/**
 * `pass`: handle the frame. `drop`: ignore it silently. `warn`: ignore it and send one
 * `rate-limited` error frame. `close`: the socket keeps flooding; close it.
 */
export type Verdict = 'pass' | 'drop' | 'warn' | 'close'

export const makeBucket = (nowMs: number): Bucket => ({
  tokens: BURST_FRAMES,
  updatedAtMs: nowMs,
  drops: 0,
  warnedAtMs: Number.NEGATIVE_INFINITY,
})

export const frameCost = (bytes: number): number => 1 + Math.floor(bytes / BYTES_PER_EXTRA_TOKEN)

export function take(bucket: Bucket, nowMs: number, cost: number): { bucket: Bucket; verdict: Verdict } {
  const elapsedMs = Math.max(0, nowMs - bucket.updatedAtMs)
  const tokens = Math.min(BURST_FRAMES, bucket.tokens + (elapsedMs * REFILL_FRAMES_PER_S) / 1_000)
  if (tokens >= cost) {
    const left = tokens - cost
    // A socket that has calmed down starts again with a clean record.
    const drops = left >= BURST_FRAMES / 2 ? 0 : bucket.drops
    return { bucket: { ...bucket, tokens: left, updatedAtMs: nowMs, drops }, verdict: 'pass' }
  }
  const drops = bucket.drops + 1
  const next = { ...bucket, tokens, updatedAtMs: nowMs, drops }
  if (drops > MAX_DROPS_BEFORE_CLOSE) return { bucket: next, verdict: 'close' }
  if (nowMs - bucket.warnedAtMs >= WARN_INTERVAL_MS) return { bucket: { ...next, warnedAtMs: nowMs }, verdict: 'warn' }
  return { bucket: next, verdict: 'drop' }
}
