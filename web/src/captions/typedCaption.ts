/**
 * @module Type to caption: what a participant types becomes captions of kind `typed` in the same
 * stream as the signing. While they type, the line goes out as an interim (real-time text, as in
 * RFC 4103 text telephony: the reader sees the words as they come); Enter makes it final; clearing
 * the box withdraws it. Not reactive: the view calls it with the box's text.
 */
import { MAX_CAPTION_CHARS, type CaptionEvent } from '../../../shared/protocol/captions'

export type TypedCaptions = {
  /** The box now holds `text`; the interim to send, or null when there is nothing new. */
  input(text: string): CaptionEvent | null
  /** Enter: the final to send (null for an empty line); the next keystroke starts a new caption. */
  submit(text: string): CaptionEvent | null
}

export function makeTypedCaptions(idPrefix: string, nowMs: () => number = Date.now): TypedCaptions {
  let n = 0
  let current: { id: string; tStart: number; text: string } | null = null
  const event = (c: { id: string; tStart: number }, text: string, final: boolean): CaptionEvent => ({
    v: 1,
    id: c.id,
    text,
    kind: 'typed',
    confidence: 1,
    tStart: c.tStart,
    tEnd: Math.max(c.tStart, nowMs()),
    final,
  })
  const clip = (text: string) => text.replace(/\s+/g, ' ').trimStart().slice(0, MAX_CAPTION_CHARS)

  return {
    input(raw) {
      const text = clip(raw)
      if (!current) {
        if (!text.trim()) return null
        current = { id: `${idPrefix}-t${n++}`, tStart: nowMs(), text: '' }
      }
      if (text === current.text) return null
      const c = current
      c.text = text
      if (!text.trim()) {
        current = null
        return event(c, '', true)
      }
      return event(c, text, false)
    },
    submit(raw) {
      const text = clip(raw).trim()
      const c = current ?? (text ? { id: `${idPrefix}-t${n++}`, tStart: nowMs(), text } : null)
      current = null
      if (!c) return null
      return event(c, text, true)
    },
  }
}
