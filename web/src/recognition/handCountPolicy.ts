/**
 * @module How many hands to look for in the next frame. MediaPipe's landmarker runs its palm
 * detector on every frame while it tracks fewer hands than it may find, so allowing two hands when
 * one is up costs about twice as much per frame as allowing one (measured here, lite: ~63 ms vs
 * ~24 ms a frame under load; see bench:recognition). Most of the time one hand signs, so the
 * recogniser tracks one, and every `probeEveryMs` it spends one frame on the two-hand landmarker
 * to look for a second; once two are seen it keeps tracking two until only one has been seen for
 * `dropAfterMs`. A second hand is thus picked up within `probeEveryMs`. Pure.
 */

export type HandBudget = 'one' | 'many'

export const HAND_COUNT_DEFAULTS = { probeEveryMs: 400, dropAfterMs: 800 }

export type HandCountPolicy = {
  choose(t: number): HandBudget
  observe(t: number, used: HandBudget, hands: number): void
}

export function makeHandCountPolicy(options: Partial<typeof HAND_COUNT_DEFAULTS> = {}): HandCountPolicy {
  const o = { ...HAND_COUNT_DEFAULTS, ...options }
  let tracking: HandBudget = 'one'
  let lastProbe = -Infinity
  let lastTwo = -Infinity
  return {
    choose(t) {
      if (tracking === 'many') return 'many'
      if (t - lastProbe < o.probeEveryMs) return 'one'
      lastProbe = t
      return 'many'
    },
    observe(t, used, hands) {
      if (used !== 'many') return
      if (hands >= 2) {
        tracking = 'many'
        lastTwo = t
      } else if (tracking === 'many' && t - lastTwo >= o.dropAfterMs) {
        tracking = 'one'
        lastProbe = t
      }
    },
  }
}
