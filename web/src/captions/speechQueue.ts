/**
 * @module Which captions to read aloud and in what order: one at a time, never overlapping, and
 * never far behind the conversation. Pure; `createSpeech.ts` drives speechSynthesis with it.
 */
import type { CaptionEvent } from '../../../shared/protocol/captions'
import type { CaptionChange } from './captionLog'

export type Utterance = { key: string; text: string; enqueuedAtMs: number }
export type SpeechQueue = { speaking: Utterance | null; waiting: Utterance[] }

export const SPEECH_DEFAULTS = {
  /** More than this waiting and the oldest is dropped: the listener wants what is said now. */
  maxWaiting: 3,
  /** A caption older than this (since it was signed, or since it waited) is no longer worth saying. */
  maxAgeMs: 10_000,
}

export const EMPTY_QUEUE: SpeechQueue = { speaking: null, waiting: [] }

/**
 * A caption is read once, when it becomes final, if someone else signed it. Typed captions come
 * from people who can read them out themselves; a final that arrives long after it was signed
 * (captions resent to a late joiner) is history, not conversation.
 */
export function speechFor(change: CaptionChange, wasFinal: boolean, event: CaptionEvent, mine: boolean, nowMs: number, o = SPEECH_DEFAULTS): string | null {
  if (mine || event.kind === 'typed' || !event.final || wasFinal) return null
  if (change !== 'added' && change !== 'updated') return null
  if (nowMs - event.tEnd > o.maxAgeMs) return null
  const text = event.text.trim()
  if (!text) return null
  // Fingerspelled words arrive in capitals, which voices tend to spell out letter by letter.
  return event.kind === 'letter' ? text.toLowerCase() : text
}

export function enqueue(q: SpeechQueue, u: Utterance, o = SPEECH_DEFAULTS): SpeechQueue {
  const waiting = [...q.waiting, u]
  return { speaking: q.speaking, waiting: waiting.slice(Math.max(0, waiting.length - o.maxWaiting)) }
}

/** What to say next, if nothing is being said: the oldest utterance that is still fresh. */
export function takeNext(q: SpeechQueue, nowMs: number, o = SPEECH_DEFAULTS): { queue: SpeechQueue; say: Utterance | null } {
  if (q.speaking) return { queue: q, say: null }
  const fresh = q.waiting.filter((u) => nowMs - u.enqueuedAtMs <= o.maxAgeMs)
  const [say = null, ...rest] = fresh
  return { queue: { speaking: say, waiting: rest }, say }
}

/** The utterance `key` ended (or failed). An end for anything else (one cancelled earlier) changes nothing. */
export function finished(q: SpeechQueue, key: string): SpeechQueue {
  return q.speaking?.key === key ? { speaking: null, waiting: q.waiting } : q
}
