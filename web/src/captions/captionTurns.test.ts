import { describe, expect, it } from 'vitest'
import type { CaptionEntry } from './captionLog'
import { captionTurns } from './captionTurns'

const NOW = 1_700_000_100_000
let n = 0
const entry = (from: string, text: string, agoMs = 1_000, final = true): CaptionEntry => ({
  key: `${from}:c${++n}`,
  from,
  name: from.toUpperCase(),
  event: { v: 1, id: `c${n}`, text, kind: 'word', confidence: 1, tStart: NOW - agoMs - 500, tEnd: NOW - agoMs, final },
  firstAtMs: NOW - agoMs,
  atMs: NOW - agoMs,
})
const show = (turns: ReturnType<typeof captionTurns>) => turns.map((t) => `${t.name}: ${t.entries.map((e) => e.event.text).join(' ')}`)

describe('caption turns', () => {
  it('groups each person’s consecutive captions under their name', () => {
    const turns = captionTurns([entry('ana', 'hello'), entry('ana', 'thank you'), entry('ben', 'hi'), entry('ana', 'yes')], NOW, true)
    expect(show(turns)).toEqual(['ANA: hello thank you', 'BEN: hi', 'ANA: yes'])
    expect(turns[0]!.key).toBe(turns[0]!.entries[0]!.key)
  })

  it('keeps the last three turns, and lets captions go once they are old', () => {
    const turns = captionTurns([entry('ana', 'a', 30_000), entry('ben', 'b'), entry('ana', 'c'), entry('ben', 'd'), entry('ana', 'e')], NOW, true)
    expect(show(turns)).toEqual(['ANA: c', 'BEN: d', 'ANA: e'])
    expect(captionTurns([entry('ana', 'old', 13_000)], NOW, true)).toEqual([])
  })

  it('shows captions still being recognised only when the viewer wants them', () => {
    const entries = [entry('ana', 'hello'), entry('ana', 'TH', 200, false)]
    expect(show(captionTurns(entries, NOW, true))).toEqual(['ANA: hello TH'])
    expect(show(captionTurns(entries, NOW, false))).toEqual(['ANA: hello'])
  })
})
