/** @module A seeded random source, so a training run is reproducible bit for bit (Math.random is not seedable). */

export type Random = {
  /** Uniform in [0, 1). */
  next(): number
  uniform(lo: number, hi: number): number
  /** Standard normal. */
  normal(): number
  int(n: number): number
  pick<T>(items: readonly T[]): T
  shuffle<T>(items: T[]): T[]
  chance(p: number): boolean
}

/** mulberry32: small, fast and good enough for sampling and augmentation. */
export function makeRandom(seed: number): Random {
  let s = seed >>> 0
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const r: Random = {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        ;[items[i], items[j]] = [items[j]!, items[i]!]
      }
      return items
    },
    chance: (p) => next() < p,
  }
  return r
}
