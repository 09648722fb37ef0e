/**
 * @module Whole signs: the word model's scores over sliding windows → sign captions. Pure.
 *
 * Each evaluation scores a few windows ending at the newest frame (shared/features SIGN_WINDOW_MS).
 * A sign shows as an interim caption once it leads with some confidence, and is committed (final)
 * when it leads with high confidence over several evaluations. The model's "no sign" label wins
 * when nothing is being signed; an interim that fades without being committed is withdrawn with
 * an empty final. After a commit the same sign is not committed again until the signer has
 * visibly stopped signing it (no sign leads again) or two full windows have passed.
 */
import type { TopLabel } from './letterDecoder'

export type WindowScores = { windowMs: number; top: TopLabel[] }

export type WordFrame = {
  t: number
  /** Scores per window; empty when no hand was seen in any window (nothing to sign). */
  windows: WindowScores[]
}

export type WordCaption = { kind: 'word'; text: string; confidence: number; tStart: number; tEnd: number; final: boolean; word: number }

export const WORD_DEFAULTS = {
  /** Show a sign as interim from this score… */
  interimP: 0.55,
  /** …commit it from this score… */
  commitP: 0.8,
  /** …held over evaluations spanning at least this long. */
  commitHoldMs: 130,
  /** A sign must lose the lead for this long before its interim is withdrawn. */
  dropMs: 350,
  /** "No sign" leading for this long re-arms a sign just committed. */
  rearmMs: 300,
  /** The label that means no sign, if the model has one. */
  noSign: undefined as string | undefined,
}
export type WordDecoderOptions = typeof WORD_DEFAULTS

export type WordDecoder = {
  push(frame: WordFrame): WordCaption[]
  flush(): WordCaption[]
  /** The last time the sign last committed still led its windows (its movement goes on after the commit); null before any. */
  signedUntil(): number | null
}

type Candidate = { label: string; since: number; strongSince: number | null; lastLead: number; p: number; windowMs: number; shown: boolean }

export function makeWordDecoder(options: Partial<WordDecoderOptions> = {}): WordDecoder {
  const o = { ...WORD_DEFAULTS, ...options }
  let candidate: Candidate | null = null
  let committed: { label: string; t: number; windowMs: number; rearmSince: number | null } | null = null
  let wordNo = 0
  let signedUntil: number | null = null

  const caption = (c: Candidate, t: number, final: boolean, text = display(c.label)): WordCaption => ({
    kind: 'word',
    text,
    confidence: c.p,
    tStart: Math.max(0, c.since - c.windowMs),
    tEnd: t,
    final,
    word: wordNo,
  })

  /** Withdraws a shown interim that was never committed. */
  function drop(t: number): WordCaption[] {
    const c = candidate
    candidate = null
    if (!c?.shown) return []
    const out = [caption(c, t, true, '')]
    wordNo++
    return out
  }

  return {
    push({ t, windows }) {
      const best = bestSign(windows, o.noSign)
      if (committed) {
        const idle = !best || best.p < o.interimP || best.label !== committed.label
        if (!idle) signedUntil = t
        committed.rearmSince = idle ? (committed.rearmSince ?? t) : null
        // Scores that outlast two windows mean the sign is being made again, not still seen.
        const rearmed = (committed.rearmSince !== null && t - committed.rearmSince >= o.rearmMs) || t - committed.t >= 2 * committed.windowMs
        if (rearmed) committed = null
      }

      const blocked = best !== null && committed?.label === best.label
      const leading = best !== null && best.p >= o.interimP && !blocked
      if (!leading) {
        return candidate && t - candidate.lastLead >= o.dropMs ? drop(t) : []
      }

      const out: WordCaption[] = []
      if (candidate && candidate.label !== best.label) out.push(...drop(t))
      if (!candidate) candidate = { label: best.label, since: t, strongSince: null, lastLead: t, p: best.p, windowMs: best.windowMs, shown: false }
      const c = candidate
      c.lastLead = t
      c.p = Math.max(c.p, best.p)
      c.windowMs = Math.max(c.windowMs, best.windowMs)
      c.strongSince = best.p >= o.commitP ? (c.strongSince ?? t) : null

      if (c.strongSince !== null && t - c.strongSince >= o.commitHoldMs) {
        out.push(caption(c, t, true))
        committed = { label: c.label, t, windowMs: c.windowMs, rearmSince: null }
        signedUntil = t
        candidate = null
        wordNo++
      } else if (!c.shown) {
        c.shown = true
        out.push(caption(c, t, false))
      }
      return out
    },
    flush() {
      committed = null
      return candidate ? drop(candidate.lastLead) : []
    },
    signedUntil: () => signedUntil,
  }
}

/** The best-scoring sign (not "no sign") over all windows. */
function bestSign(windows: WindowScores[], noSign: string | undefined): (TopLabel & { windowMs: number }) | null {
  let best: (TopLabel & { windowMs: number }) | null = null
  for (const w of windows) {
    const top = w.top[0]
    if (!top || top.label === noSign) continue
    if (!best || top.p > best.p) best = { ...top, windowMs: w.windowMs }
  }
  return best
}

/** Model labels are identifiers (`thank_you`, `thank-you`); captions show words. */
export const display = (label: string) => label.replace(/[_-]+/g, ' ')
