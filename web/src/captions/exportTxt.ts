/** @module A call's captions as plain text to read or paste: one line per caption, time from the call's start, who, what. */
import type { CaptionEntry } from './captionLog'
import { captionCues, clockTime } from './captionCues'

export function exportTxt(entries: readonly CaptionEntry[], originMs: number, title: string): string {
  const lines = captionCues(entries, originMs).map((c) => `[${clockTime(c.startMs, '.').slice(0, 8)}] ${c.speaker}${c.kind === 'typed' ? ' (typed)' : ''}: ${c.text}`)
  return `${[title, `Started ${new Date(originMs).toISOString()}`, '', ...lines].join('\n')}\n`
}
