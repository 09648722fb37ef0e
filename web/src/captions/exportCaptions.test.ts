import { describe, expect, it } from 'vitest'
import type { CaptionEvent } from '../../../shared/protocol/captions'
import type { CaptionEntry } from './captionLog'
import { captionCues, clockTime, MIN_CUE_MS } from './captionCues'
import { exportSrt } from './exportSrt'
import { exportTxt } from './exportTxt'
import { exportVtt } from './exportVtt'

const START = Date.UTC(2025, 0, 2, 15, 0, 0)
const entry = (name: string, id: string, text: string, startS: number, endS: number, extra: Partial<CaptionEvent> & { corrected?: string } = {}): CaptionEntry => {
  const { corrected, ...event } = extra
  return {
    key: `${name}:${id}`,
    from: name,
    name,
    event: { v: 1, id, text, kind: 'word', confidence: 0.9, tStart: START + startS * 1_000, tEnd: START + endS * 1_000, final: true, ...event },
    firstAtMs: START + endS * 1_000,
    atMs: START + endS * 1_000,
    ...(corrected !== undefined && { corrected }),
  }
}

const call = [
  entry('Ana', 'w0', 'hello', 1.2, 2.5),
  entry('Ben', 't0', 'hi Ana, how are you?', 3, 3, { kind: 'typed' }),
  entry('Ana', 'l0', 'HELO', 5, 7.25, { kind: 'letter', corrected: 'HELLO' }),
]

describe('timed cues', () => {
  it('are timed from the call’s start, finals only, in the order they were made', () => {
    const cues = captionCues([entry('Ana', 'w1', 'please', 9, 10), ...call, entry('Ana', 'w2', 'yes', 11, 12, { final: false })], START)
    expect(cues.map((c) => [c.startMs, c.endMs, c.speaker, c.text])).toEqual([
      [1_200, 2_500, 'Ana', 'hello'],
      [3_000, 3_000 + MIN_CUE_MS, 'Ben', 'hi Ana, how are you?'],
      [5_000, 7_250, 'Ana', 'HELLO'],
      [9_000, 10_000, 'Ana', 'please'],
    ])
  })

  it('start at zero for a caption stamped before the call began (a sender’s clock ahead of ours)', () => {
    expect(captionCues([entry('Ana', 'w0', 'hi', -2, -1)], START)[0]).toMatchObject({ startMs: 0, endMs: MIN_CUE_MS })
  })

  it('keep every caption on one line, so a line break in typed text cannot end a cue early', () => {
    expect(captionCues([entry('Ben', 't1', 'one\n\ntwo\r\nthree ', 0, 1, { kind: 'typed' })], START)[0]!.text).toBe('one two three')
  })

  it('write times with hours, past a day too', () => {
    expect(clockTime(0, '.')).toBe('00:00:00.000')
    expect(clockTime(3_723_004, ',')).toBe('01:02:03,004')
    expect(clockTime(100 * 3_600_000 + 59_999, '.')).toBe('100:00:59.999')
  })
})

describe('WebVTT export', () => {
  it('writes numbered cues with the speaker as a voice span', () => {
    expect(exportVtt(call, START)).toBe(
      [
        'WEBVTT',
        '',
        '1',
        '00:00:01.200 --> 00:00:02.500',
        '<v Ana>hello</v>',
        '',
        '2',
        '00:00:03.000 --> 00:00:04.000',
        '<v Ben>hi Ana, how are you?</v>',
        '',
        '3',
        '00:00:05.000 --> 00:00:07.250',
        '<v Ana>HELLO</v>',
        '',
      ].join('\n'),
    )
  })

  it('escapes markup and the cue arrow in names and text', () => {
    const vtt = exportVtt([entry('<b>Eve</b> & co', 't0', 'a --> b <i>x</i> & y', 0, 1, { kind: 'typed' })], START)
    expect(vtt).toContain('<v &lt;b&gt;Eve&lt;/b&gt; &amp; co>a --&gt; b &lt;i&gt;x&lt;/i&gt; &amp; y</v>')
    expect(vtt.match(/-->/g)).toHaveLength(1)
  })

  it('is just the header when nothing was captioned', () => {
    expect(exportVtt([], START)).toBe('WEBVTT\n')
  })
})

describe('SRT export', () => {
  it('writes numbered cues with comma milliseconds and the speaker before the text', () => {
    expect(exportSrt(call, START)).toBe(
      ['1', '00:00:01,200 --> 00:00:02,500', 'Ana: hello', '', '2', '00:00:03,000 --> 00:00:04,000', 'Ben: hi Ana, how are you?', '', '3', '00:00:05,000 --> 00:00:07,250', 'Ana: HELLO', ''].join('\n'),
    )
  })

  it('defuses tags that players would render, and cannot be split by a blank line', () => {
    const srt = exportSrt([entry('Eve', 't0', '<i>x</i>\n\n2\n00:00:00,000 --> 00:00:01,000', 0, 1, { kind: 'typed' })], START)
    expect(srt.split('\n\n')).toHaveLength(1)
    expect(srt).toContain('Eve: ‹i›x‹/i› 2 00:00:00,000 --› 00:00:01,000')
    expect(srt.match(/-->/g)).toHaveLength(1)
  })
})

describe('text export', () => {
  it('lists who said what and when, marking typed lines', () => {
    expect(exportTxt(call, START, 'SilentTalk captions')).toBe(
      ['SilentTalk captions', 'Started 2025-01-02T15:00:00.000Z', '', '[00:00:01] Ana: hello', '[00:00:03] Ben (typed): hi Ana, how are you?', '[00:00:05] Ana: HELLO', ''].join('\n'),
    )
  })
})
