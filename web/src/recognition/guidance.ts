/**
 * @module What to tell the signer about the camera view: nothing, "no hand visible" or "too dark".
 * Pure, with hysteresis, so the hint does not flicker when a hand leaves for a moment or the light
 * hovers around the threshold.
 */

export type Guidance = 'ok' | 'no-hand' | 'too-dark'

export const GUIDANCE_DEFAULTS = {
  /** Mean frame luma (0..255) below which the view is too dark… */
  darkLuma: 45,
  /** …and above which it is fine again. */
  brightLuma: 60,
  /** How long a condition must last before it is shown. */
  darkMs: 1_000,
  noHandMs: 1_500,
}

export type GuidanceSample = { t: number; hands: number; luma: number }

export function makeGuidance(options: Partial<typeof GUIDANCE_DEFAULTS> = {}) {
  const o = { ...GUIDANCE_DEFAULTS, ...options }
  let darkSince: number | null = null
  let dark = false
  let lastHandT: number | null = null
  let firstT: number | null = null

  return (s: GuidanceSample): Guidance => {
    firstT ??= s.t
    if (s.hands > 0) lastHandT = s.t
    if (Number.isFinite(s.luma)) {
      if (s.luma < o.darkLuma) darkSince ??= s.t
      else if (s.luma > o.brightLuma) darkSince = null
      dark = darkSince !== null && s.t - darkSince >= o.darkMs
    }
    // Darkness explains a missing hand, so it is the one said.
    if (dark) return 'too-dark'
    if (s.t - (lastHandT ?? firstT) >= o.noHandMs) return 'no-hand'
    return 'ok'
  }
}
