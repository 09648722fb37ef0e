import { describe, expect, it } from 'vitest'
import type { CaptionEvent } from '../../../shared/protocol/captions'
import { applyCaption, correctEntry, ownFinals, SELF, type CaptionEntry } from './captionLog'

const T0 = 1_700_000_000_000
const ev = (id: string, text: string, final: boolean, tStart = T0, tEnd = tStart + 500, kind: CaptionEvent['kind'] = 'word'): CaptionEvent => ({
  v: 1,
  id,
  text,
  kind,
  confidence: 0.9,
  tStart,
  tEnd,
  final,
})

function run(steps: [from: string, e: CaptionEvent][]): { entries: CaptionEntry[]; changes: string[] } {
  let entries: CaptionEntry[] = []
  const changes: string[] = []
  steps.forEach(([from, e], i) => {
    const r = applyCaption(entries, { id: from, name: from.toUpperCase() }, e, T0 + 10_000 + i)
    entries = r.entries
    changes.push(r.change)
  })
  return { entries, changes }
}

const texts = (entries: CaptionEntry[]) => entries.map((e) => `${e.from}:${e.event.text}${e.event.final ? '' : '…'}`)

describe('the caption stream', () => {
  it('updates an interim in place and replaces it with its final', () => {
    const { entries, changes } = run([
      ['ana', ev('l0', 'H', false, T0, T0 + 100)],
      ['ana', ev('l0', 'HEL', false, T0, T0 + 900)],
      ['ana', ev('l0', 'HELLO', true, T0, T0 + 2_000)],
    ])
    expect(changes).toEqual(['added', 'updated', 'updated'])
    expect(texts(entries)).toEqual(['ana:HELLO'])
    expect(entries[0]!.firstAtMs).toBe(T0 + 10_000)
  })

  it('appends each final after the ones before it', () => {
    const { entries } = run([
      ['ana', ev('w0', 'hello', true, T0)],
      ['ana', ev('w1', 'thank you', true, T0 + 3_000)],
    ])
    expect(texts(entries)).toEqual(['ana:hello', 'ana:thank you'])
  })

  it('withdraws an interim that an empty final ends, and ignores a withdrawal of nothing', () => {
    const { entries, changes } = run([
      ['ana', ev('w0', 'please', false)],
      ['ana', ev('w0', '', true, T0, T0 + 600)],
      ['ana', ev('w9', '', true)],
    ])
    expect(changes).toEqual(['added', 'withdrawn', 'ignored'])
    expect(entries).toEqual([])
  })

  it('keeps captions of different senders apart even when their ids collide', () => {
    const { entries } = run([
      ['ana', ev('w0', 'hello', true, T0)],
      ['ben', ev('w0', 'yes', true, T0 + 100)],
    ])
    expect(texts(entries)).toEqual(['ana:hello', 'ben:yes'])
  })

  it('ignores the same final arriving twice (channel and socket, or a resend to a late joiner)', () => {
    const { entries, changes } = run([
      ['ana', ev('w0', 'hello', true)],
      ['ana', ev('w0', 'hello', true)],
    ])
    expect(changes).toEqual(['added', 'ignored'])
    expect(entries).toHaveLength(1)
  })

  it('never goes back to an interim after the final, nor to an older interim after a newer one', () => {
    const { entries, changes } = run([
      ['ana', ev('l0', 'HEL', false, T0, T0 + 900)],
      ['ana', ev('l0', 'HE', false, T0, T0 + 600)],
      ['ana', ev('l0', 'HELLO', true, T0, T0 + 2_000)],
      ['ana', ev('l0', 'HELL', false, T0, T0 + 1_500)],
    ])
    expect(changes).toEqual(['added', 'ignored', 'updated', 'ignored'])
    expect(texts(entries)).toEqual(['ana:HELLO'])
  })

  it('takes a final that changes the text of a final (a signer correcting their caption)', () => {
    const { entries, changes } = run([
      ['ana', ev('w0', 'please', true)],
      ['ana', ev('w0', 'yes', true)],
    ])
    expect(changes).toEqual(['added', 'updated'])
    expect(texts(entries)).toEqual(['ana:yes'])
  })

  it('orders captions by when they were signed, so two signers resent to a late joiner interleave', () => {
    const { entries } = run([
      ['ana', ev('w0', 'hello', true, T0)],
      ['ana', ev('w1', 'please', true, T0 + 4_000)],
      ['ben', ev('w0', 'yes', true, T0 + 2_000)],
      ['ben', ev('w1', 'no', true, T0 + 6_000)],
    ])
    expect(texts(entries)).toEqual(['ana:hello', 'ben:yes', 'ana:please', 'ben:no'])
  })

  it('keeps only the newest entries past the limit', () => {
    let entries: CaptionEntry[] = []
    for (let i = 0; i < 5; i++) entries = applyCaption(entries, { id: 'ana', name: 'Ana' }, ev(`w${i}`, `w${i}`, true, T0 + i), T0, 3).entries
    expect(entries.map((e) => e.event.id)).toEqual(['w2', 'w3', 'w4'])
  })
})

describe('what a signer resends to someone who joins late', () => {
  it('is its own finals, oldest first, with its corrections, and never anyone else’s', () => {
    let { entries } = run([
      [SELF, ev('w0', 'hello', true, T0)],
      ['ben', ev('t0', 'hi Ana', true, T0 + 1_000, T0 + 1_000, 'typed')],
      [SELF, ev('w1', 'please', true, T0 + 2_000)],
      [SELF, ev('l0', 'TH', false, T0 + 3_000)],
    ])
    entries = correctEntry(entries, `${SELF}:w1`, 'yes')
    expect(ownFinals(entries).map((e) => [e.id, e.text])).toEqual([
      ['w0', 'hello'],
      ['w1', 'yes'],
    ])
  })
})
