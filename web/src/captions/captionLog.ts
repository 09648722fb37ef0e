/**
 * @module The call's caption stream as this device holds it: every participant's captions (signed
 * and typed, our own included) in one ordered list. Pure. An interim is replaced in place by its
 * updates and then by its final (same id); an empty final withdraws it. The same event may arrive
 * twice (data channel and room socket, or a signer resending its finals to a late joiner), and an
 * older update may arrive after a newer one over the other path: neither may change what is shown.
 */
import type { CaptionEvent } from '../../../shared/protocol/captions'

/** Whose caption: a room peer id, or `SELF` for this device's own. */
export const SELF = 'self'

export type CaptionEntry = {
  /** `from` and the event id: ids are unique per sender only. */
  key: string
  from: string
  /** The sender's name when the caption arrived: kept, so the history reads right after they leave. */
  name: string
  event: CaptionEvent
  /** When this device first received it (epoch ms, this device's clock). */
  firstAtMs: number
  /** When it last changed here. */
  atMs: number
  /** The right text, when someone on this device marked the caption wrong. */
  corrected?: string
}

export type CaptionChange = 'added' | 'updated' | 'withdrawn' | 'ignored'

/** Plenty for a long call; the history on disk keeps everything regardless. */
export const MAX_ENTRIES = 5_000

export const entryKey = (from: string, id: string) => `${from}:${id}`

export type Sender = { id: string; name: string }

/**
 * Applies one event from `from` received at `nowMs` (a `SELF` sender for this device's own). Entries stay ordered by `tStart` (the
 * sender's clock; devices in a call are normally NTP-synced to well under a second), so finals a
 * late joiner receives from several signers interleave as they were signed.
 */
export function applyCaption(
  entries: readonly CaptionEntry[],
  from: Sender,
  event: CaptionEvent,
  nowMs: number,
  keep = MAX_ENTRIES,
): { entries: CaptionEntry[]; change: CaptionChange } {
  const key = entryKey(from.id, event.id)
  const i = entries.findLastIndex((e) => e.key === key)
  const withdrawn = event.final && event.text.trim() === ''
  if (i < 0) {
    if (withdrawn) return { entries: entries as CaptionEntry[], change: 'ignored' }
    const entry: CaptionEntry = { key, from: from.id, name: from.name, event, firstAtMs: nowMs, atMs: nowMs }
    return { entries: insertByStart(entries, entry).slice(-keep), change: 'added' }
  }
  const held = entries[i]!
  if (isStale(held.event, event)) return { entries: entries as CaptionEntry[], change: 'ignored' }
  if (withdrawn) return { entries: [...entries.slice(0, i), ...entries.slice(i + 1)], change: 'withdrawn' }
  const next = [...entries]
  next[i] = { ...held, event, atMs: nowMs }
  return { entries: next, change: 'updated' }
}

/** An update that would take the caption back in time, or says nothing new. */
function isStale(held: CaptionEvent, incoming: CaptionEvent): boolean {
  if (held.final && !incoming.final) return true
  if (incoming.tEnd < held.tEnd) return true
  return held.final === incoming.final && held.text === incoming.text && held.tEnd === incoming.tEnd
}

function insertByStart(entries: readonly CaptionEntry[], entry: CaptionEntry): CaptionEntry[] {
  let at = entries.length
  while (at > 0 && entries[at - 1]!.event.tStart > entry.event.tStart) at--
  return [...entries.slice(0, at), entry, ...entries.slice(at)]
}

/** Marks a caption wrong with the right text (the viewer's own record; it changes nothing for others). */
export function correctEntry(entries: readonly CaptionEntry[], key: string, text: string): CaptionEntry[] {
  return entries.map((e) => (e.key === key ? { ...e, corrected: text } : e))
}

/**
 * What a signer resends on a data channel that has just opened, so someone who joins late reads
 * the call so far: its own finals, oldest first. Only one's own: a peer cannot vouch for captions
 * it did not make (the receiver attributes everything on a channel to that channel's peer).
 */
export function ownFinals(entries: readonly CaptionEntry[]): CaptionEvent[] {
  return entries.filter((e) => e.from === SELF && e.event.final).map((e) => (e.corrected === undefined ? e.event : { ...e.event, text: e.corrected }))
}

/** The text to show for an entry: the correction when there is one. */
export const shownText = (e: CaptionEntry) => e.corrected ?? e.event.text
