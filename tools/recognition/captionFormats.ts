/**
 * @module Caption events as subtitle files: WebVTT (W3C WebVTT §4) and SubRip, times in media
 * milliseconds. Only finals with text are written: interims are replaced by their finals, and an
 * empty final is a withdrawn caption.
 */
import type { CaptionEvent } from '../../shared/protocol/captions'

export type CaptionFormat = 'vtt' | 'srt' | 'json'

/** A caption stays up at least this long, so a short letter can be read. */
const MIN_SHOW_MS = 700

export function finalCaptions(events: readonly CaptionEvent[]): CaptionEvent[] {
  return events.filter((e) => e.final && e.text.trim() !== '').sort((a, b) => a.tStart - b.tStart)
}

function timestamp(ms: number, separator: '.' | ','): string {
  const t = Math.max(0, Math.round(ms))
  const h = Math.floor(t / 3_600_000)
  const m = Math.floor(t / 60_000) % 60
  const s = Math.floor(t / 1000) % 60
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  return `${pad(h)}:${pad(m)}:${pad(s)}${separator}${pad(t % 1000, 3)}`
}

function cues(events: readonly CaptionEvent[]) {
  const finals = finalCaptions(events)
  return finals.map((e, i) => {
    const next = finals[i + 1]
    // Shown for at least MIN_SHOW_MS, but never over the next caption.
    const end = Math.max(e.tEnd, Math.min(e.tStart + MIN_SHOW_MS, next ? next.tStart : Infinity))
    return { start: e.tStart, end, text: e.text }
  })
}

export function toVtt(events: readonly CaptionEvent[]): string {
  const body = cues(events).map((c) => `${timestamp(c.start, '.')} --> ${timestamp(c.end, '.')}\n${c.text}\n`)
  return ['WEBVTT\n', ...body].join('\n')
}

export function toSrt(events: readonly CaptionEvent[]): string {
  return cues(events)
    .map((c, i) => `${i + 1}\n${timestamp(c.start, ',')} --> ${timestamp(c.end, ',')}\n${c.text}\n`)
    .join('\n')
}

export function formatCaptions(events: readonly CaptionEvent[], format: CaptionFormat): string {
  if (format === 'vtt') return toVtt(events)
  if (format === 'srt') return toSrt(events)
  return `${JSON.stringify(finalCaptions(events), null, 2)}\n`
}
