import { describe, expect, it } from 'vitest'
import type { CaptionEvent } from '../../shared/protocol/captions'
import { finalCaptions, toSrt, toVtt } from './captionFormats'

const ev = (id: string, text: string, tStart: number, tEnd: number, final = true): CaptionEvent => ({ v: 1, id, text, kind: 'word', confidence: 0.9, tStart, tEnd, final })

describe('caption files', () => {
  const events = [ev('a', 'HEL', 500, 1500, false), ev('a', 'HELLO', 500, 3200), ev('b', 'thank you', 3_723_400, 3_724_900), ev('c', '', 4_000_000, 4_000_100)]

  it('keep finals with text, in time order, and drop interims and withdrawn captions', () => {
    expect(finalCaptions(events).map((e) => e.text)).toEqual(['HELLO', 'thank you'])
  })

  it('write WebVTT with hours, minutes, seconds and milliseconds', () => {
    expect(toVtt(events)).toBe('WEBVTT\n\n00:00:00.500 --> 00:00:03.200\nHELLO\n\n01:02:03.400 --> 01:02:04.900\nthank you\n')
  })

  it('write numbered SubRip cues with a comma before the milliseconds', () => {
    expect(toSrt(events)).toBe('1\n00:00:00,500 --> 00:00:03,200\nHELLO\n\n2\n01:02:03,400 --> 01:02:04,900\nthank you\n')
  })

  it('keep a short caption up long enough to read, without running into the next', () => {
    const vtt = toVtt([ev('a', 'A', 1000, 1100), ev('b', 'B', 1400, 1500), ev('c', 'C', 5000, 5050)])
    expect(vtt).toContain('00:00:01.000 --> 00:00:01.400\nA')
    expect(vtt).toContain('00:00:05.000 --> 00:00:05.700\nC')
  })
})
