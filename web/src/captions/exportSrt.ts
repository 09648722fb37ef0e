/**
 * @module A call's captions as SubRip (.srt): numbered cues, `hh:mm:ss,mmm` times, the speaker's
 * name before the text. SRT has no escaping; players that read `<i>`-style tags would read them in
 * caption text too, so angle brackets are replaced by look-alike quotation marks.
 */
import type { CaptionEntry } from './captionLog'
import { captionCues, clockTime } from './captionCues'

const defuse = (text: string) => text.replace(/</g, '‹').replace(/>/g, '›')

export function exportSrt(entries: readonly CaptionEntry[], originMs: number): string {
  return captionCues(entries, originMs)
    .map((c, i) => `${i + 1}\n${clockTime(c.startMs, ',')} --> ${clockTime(c.endMs, ',')}\n${defuse(c.speaker)}: ${defuse(c.text)}\n`)
    .join('\n')
}
