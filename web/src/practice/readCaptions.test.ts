import { describe, expect, it } from 'vitest'
import type { CaptionEvent } from '../../../shared/protocol/captions'
import { makeCaptionReader } from './readCaptions'

const caption = (id: string, text: string, confidence: number, kind: CaptionEvent['kind'] = 'letter', final = false): CaptionEvent => ({ v: 1, id, text, kind, confidence, tStart: 0, tEnd: 0, final })

describe('reading committed signs from captions', () => {
  it('observes each letter as the spelled word grows, with its own confidence', () => {
    const read = makeCaptionReader()
    expect(read(caption('w1', 'C', 0.9))).toEqual([{ kind: 'letter', label: 'C', confidence: 0.9 }])
    // Mean of 0.9 and 0.7.
    expect(read(caption('w1', 'CA', 0.8))[0]).toMatchObject({ label: 'A', confidence: expect.closeTo(0.7, 6) })
    expect(read(caption('w1', 'CA', 0.8, 'letter', true))).toEqual([])
  })

  it('starts afresh with the next word', () => {
    const read = makeCaptionReader()
    read(caption('w1', 'HI', 0.8, 'letter', true))
    expect(read(caption('w2', 'H', 0.6)).map((o) => o.label)).toEqual(['H'])
  })

  it('observes a sign only when its caption is final, and not a withdrawn one', () => {
    const read = makeCaptionReader()
    expect(read(caption('s1', 'thank you', 0.6, 'word'))).toEqual([])
    expect(read(caption('s1', 'thank you', 0.9, 'word', true))).toEqual([{ kind: 'word', label: 'thank you', confidence: 0.9 }])
    expect(read(caption('s2', '', 0.6, 'word', true))).toEqual([])
  })

  it('ignores typed messages', () => {
    expect(makeCaptionReader()(caption('t', 'hi there', 1, 'typed', true))).toEqual([])
  })
})
