/**
 * @module Caption events → the signs the recogniser committed, one at a time, for practice
 * feedback. A fingerspelled word arrives as one caption whose text grows a letter per update; each
 * new letter is one observation. A sign is observed when its caption is final (an interim may
 * still be withdrawn). Pure.
 */
import type { CaptionEvent } from '../../../shared/protocol/captions'

export type Observation = {
  kind: 'letter' | 'word' | 'custom'
  /** A letter (`B`), a sign as captions show it (`thank you`), or a custom sign's id. */
  label: string
  confidence: number
}

export function makeCaptionReader() {
  /** Per letter caption: its text and confidence so far. */
  const seen = new Map<string, { text: string; confidence: number }>()
  return (e: CaptionEvent): Observation[] => {
    if (e.kind === 'word') return e.final && e.text !== '' ? [{ kind: 'word', label: e.text, confidence: e.confidence }] : []
    if (e.kind !== 'letter') return []
    const before = seen.get(e.id) ?? { text: '', confidence: 0 }
    if (e.final) seen.delete(e.id)
    else seen.set(e.id, { text: e.text, confidence: e.confidence })
    if (!e.text.startsWith(before.text) || e.text.length <= before.text.length) return []
    const added = e.text.slice(before.text.length)
    // The caption's confidence is the mean over its letters, so one new letter's own score is
    // what it added to the sum.
    const own = added.length === 1 ? e.text.length * e.confidence - before.text.length * before.confidence : e.confidence
    return [...added].map((label) => ({ kind: 'letter' as const, label, confidence: Math.min(1, Math.max(0, own)) }))
  }
}
