/**
 * @module What the caption overlay shows: the last few turns of the conversation, a turn being one
 * person's consecutive captions, each with their name. Pure. Older captions leave the overlay (the
 * history panel keeps them); an interim shows only while it is recent.
 */
import type { CaptionEntry } from './captionLog'

export type CaptionTurn = {
  /** The first entry's key: stable while the turn grows, so the view keeps its element. */
  key: string
  from: string
  name: string
  entries: CaptionEntry[]
}

export const TURN_DEFAULTS = {
  maxTurns: 3,
  /** A caption leaves the overlay this long after it last changed. */
  maxAgeMs: 12_000,
}

export function captionTurns(entries: readonly CaptionEntry[], nowMs: number, showInterim: boolean, o = TURN_DEFAULTS): CaptionTurn[] {
  const turns: CaptionTurn[] = []
  for (const e of entries) {
    if (nowMs - e.atMs > o.maxAgeMs) continue
    if (!e.event.final && !showInterim) continue
    const last = turns.at(-1)
    if (last && last.from === e.from) last.entries.push(e)
    else turns.push({ key: e.key, from: e.from, name: e.name, entries: [e] })
  }
  return turns.slice(-o.maxTurns)
}
