/**
 * @module Progress per sign: attempts, accuracy, streaks and how well the sign is known now, and
 * which signs to review. Pure; `progressStore.ts` keeps the records in IndexedDB.
 */

export type SignProgress = {
  key: string
  attempts: number
  correct: number
  /** Right answers in a row, up to the latest attempt. */
  streak: number
  bestStreak: number
  /** The latest attempts, oldest first, '1' right and '0' wrong (at most RECENT_ATTEMPTS). */
  recent: string
  /** Epoch ms of the latest attempt: decides which copy wins when two are merged. */
  lastAttemptAt: number
}

/** How many attempts "how well it is known now" looks at. */
export const RECENT_ATTEMPTS = 10
/** At or above this mastery a sign is known and leaves the review list. */
export const KNOWN_MASTERY = 0.8

export function recordAttempt(previous: SignProgress | undefined, key: string, correct: boolean, atMs: number): SignProgress {
  const p = previous ?? { key, attempts: 0, correct: 0, streak: 0, bestStreak: 0, recent: '', lastAttemptAt: 0 }
  const streak = correct ? p.streak + 1 : 0
  return {
    key,
    attempts: p.attempts + 1,
    correct: p.correct + (correct ? 1 : 0),
    streak,
    bestStreak: Math.max(p.bestStreak, streak),
    recent: (p.recent + (correct ? '1' : '0')).slice(-RECENT_ATTEMPTS),
    lastAttemptAt: Math.max(p.lastAttemptAt, atMs),
  }
}

export const accuracy = (p: SignProgress) => (p.attempts === 0 ? 0 : p.correct / p.attempts)

/**
 * How well the sign is known now, 0..1: the share right among the recent attempts, pulled towards
 * one half while there are few of them (a Laplace estimate), so one lucky try does not count as
 * known and one slip does not count as unknown.
 */
export function mastery(p: SignProgress | undefined): number {
  if (!p || p.recent.length === 0) return 0
  const right = [...p.recent].filter((c) => c === '1').length
  return (right + 1) / (p.recent.length + 2)
}

/**
 * The signs to review, weakest first: attempted and not yet known. Ties go to the one practised
 * longest ago, so review cycles through them.
 */
export function weakestSigns(progress: readonly SignProgress[], limit: number): SignProgress[] {
  return progress
    .filter((p) => p.attempts > 0 && mastery(p) < KNOWN_MASTERY)
    .sort((a, b) => mastery(a) - mastery(b) || a.lastAttemptAt - b.lastAttemptAt || (a.key < b.key ? -1 : 1))
    .slice(0, limit)
}
