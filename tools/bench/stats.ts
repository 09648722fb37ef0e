/** @module Summaries a benchmark prints: median and p95 (nearest rank), never an average alone. */

export type Summary = { count: number; median: number; p95: number; p99: number; max: number }

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN
  return { count: sorted.length, median: rank(0.5), p95: rank(0.95), p99: rank(0.99), max: sorted.at(-1) ?? Number.NaN }
}

export const ms = (x: number) => `${x.toFixed(2)} ms`
