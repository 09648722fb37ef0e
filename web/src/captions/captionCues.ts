/**
 * @module The finals of a caption stream as timed cues, the common ground of the .txt, WebVTT and
 * SRT exports. Pure. Times are relative to the call's start; interims are left out (they were
 * never what anyone settled on), and a correction replaces the text it corrects.
 */
import type { CaptionEntry } from './captionLog'
import { shownText } from './captionLog'

export type Cue = { startMs: number; endMs: number; speaker: string; kind: CaptionEntry['event']['kind']; text: string }

/**
 * A letter or a typed line is stamped with one instant; a cue needs a span to be shown at all
 * (WebVTT requires end > start), and a second is the least a reader needs for a short caption.
 */
export const MIN_CUE_MS = 1_000

/** `originMs` is the call's start (epoch ms); a caption from before it (clocks disagree) starts at 0. */
export function captionCues(entries: readonly CaptionEntry[], originMs: number): Cue[] {
  return entries
    .filter((e) => e.event.final && shownText(e).trim() !== '')
    .map((e) => {
      const startMs = Math.max(0, Math.round(e.event.tStart - originMs))
      const endMs = Math.max(startMs + MIN_CUE_MS, Math.round(e.event.tEnd - originMs))
      return { startMs, endMs, speaker: e.name, kind: e.event.kind, text: oneLine(shownText(e)) }
    })
    .map((cue, i) => ({ cue, i }))
    .sort((a, b) => a.cue.startMs - b.cue.startMs || a.i - b.i)
    .map(({ cue }) => cue)
}

/** Line breaks would end a cue early in every format (a blank line ends a WebVTT or SRT cue). */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()

/** `hh:mm:ss` + `sep` + `mmm`, hours always present and allowed past 99. */
export function clockTime(ms: number, sep: '.' | ','): string {
  const whole = Math.max(0, Math.round(ms))
  const h = Math.floor(whole / 3_600_000)
  const m = Math.floor(whole / 60_000) % 60
  const s = Math.floor(whole / 1_000) % 60
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  return `${pad(h)}:${pad(m)}:${pad(s)}${sep}${pad(whole % 1_000, 3)}`
}
