/**
 * @module A call's captions as WebVTT (W3C WebVTT: cues with voice spans `<v Name>`), which video
 * players and editors read with the speaker kept apart from the text.
 */
import type { CaptionEntry } from './captionLog'
import { captionCues, clockTime } from './captionCues'

/** WebVTT §4.2.2: `&`, `<` and `>` must be escaped in cue text (and `-->` cannot then appear). */
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export function exportVtt(entries: readonly CaptionEntry[], originMs: number): string {
  const cues = captionCues(entries, originMs).map(
    (c, i) => `${i + 1}\n${clockTime(c.startMs, '.')} --> ${clockTime(c.endMs, '.')}\n<v ${escape(c.speaker)}>${escape(c.text)}</v>`,
  )
  return ['WEBVTT', ...cues].join('\n\n') + '\n'
}
