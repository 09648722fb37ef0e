/**
 * @module The hand landmarker's delegate (CPU or GPU) as measured on this device the last time,
 * so a practice session starts without measuring again: the measurement runs several frames on
 * each delegate, a noticeable part of a cold start (bench:pwa). Measured afresh after a week, in
 * case the browser or its graphics driver changed.
 */
import type { Delegate, DelegateChoice } from '../recognition/messages'

const KEY = 'silenttalk:landmarker-delegate'
export const DELEGATE_MEMORY_MS = 7 * 24 * 60 * 60 * 1000

export type RememberedDelegate = { delegate: Delegate; measuredAt: number }

/** The delegate to ask for: the remembered one while fresh, else `auto` (measure). */
export function delegateToUse(stored: unknown, nowMs: number): DelegateChoice {
  const s = stored as Partial<RememberedDelegate> | null
  if (!s || (s.delegate !== 'CPU' && s.delegate !== 'GPU') || typeof s.measuredAt !== 'number') return 'auto'
  return nowMs - s.measuredAt < DELEGATE_MEMORY_MS && s.measuredAt <= nowMs ? s.delegate : 'auto'
}

export function rememberedDelegate(nowMs = Date.now()): DelegateChoice {
  try {
    return delegateToUse(JSON.parse(localStorage.getItem(KEY) ?? 'null'), nowMs)
  } catch {
    return 'auto'
  }
}

/** Keeps a choice the recogniser measured (not one it was told to use). */
export function rememberDelegate(delegate: Delegate, measured: boolean, nowMs = Date.now()) {
  if (!measured) return
  try {
    localStorage.setItem(KEY, JSON.stringify({ delegate, measuredAt: nowMs } satisfies RememberedDelegate))
  } catch {
    // Storage refused: measuring again next time is the only cost.
  }
}
