import { describe, expect, it } from 'vitest'
import type { CaptionEvent } from '../../../shared/protocol/captions'
import { EMPTY_QUEUE, enqueue, finished, speechFor, takeNext, type SpeechQueue } from './speechQueue'

const NOW = 1_700_000_000_000
const ev = (text: string, extra: Partial<CaptionEvent> = {}): CaptionEvent => ({ v: 1, id: 'w0', text, kind: 'word', confidence: 0.9, tStart: NOW - 900, tEnd: NOW - 100, final: true, ...extra })
const u = (key: string, atMs = NOW) => ({ key, text: key, enqueuedAtMs: atMs })

describe('what is read aloud', () => {
  it('is someone else’s sign caption, once, when it becomes final', () => {
    expect(speechFor('added', false, ev('thank you'), false, NOW)).toBe('thank you')
    expect(speechFor('updated', false, ev('thank you'), false, NOW)).toBe('thank you')
    expect(speechFor('updated', true, ev('yes'), false, NOW)).toBeNull()
    expect(speechFor('updated', false, ev('thank', { final: false }), false, NOW)).toBeNull()
  })

  it('is never our own caption, a typed one, a withdrawal or a duplicate', () => {
    expect(speechFor('added', false, ev('hello'), true, NOW)).toBeNull()
    expect(speechFor('added', false, ev('hello', { kind: 'typed' }), false, NOW)).toBeNull()
    expect(speechFor('withdrawn', false, ev(''), false, NOW)).toBeNull()
    expect(speechFor('ignored', false, ev('hello'), false, NOW)).toBeNull()
  })

  it('is not a caption signed long ago (resent to someone who joined late)', () => {
    expect(speechFor('added', false, ev('hello', { tEnd: NOW - 60_000 }), false, NOW)).toBeNull()
  })

  it('says a fingerspelled word as a word, not letter by letter', () => {
    expect(speechFor('added', false, ev('HELLO', { kind: 'letter' }), false, NOW)).toBe('hello')
  })
})

describe('the speech queue', () => {
  it('says one thing at a time, in order, each after the last one ended', () => {
    let q: SpeechQueue = enqueue(enqueue(EMPTY_QUEUE, u('a')), u('b'))
    let step = takeNext(q, NOW)
    expect(step.say?.key).toBe('a')
    q = step.queue
    expect(takeNext(q, NOW).say).toBeNull()
    q = finished(q, 'a')
    step = takeNext(q, NOW)
    expect(step.say?.key).toBe('b')
    expect(takeNext(finished(step.queue, 'b'), NOW)).toEqual({ queue: EMPTY_QUEUE, say: null })
  })

  it('ignores the end of an utterance that is not the one being said', () => {
    const { queue } = takeNext(enqueue(EMPTY_QUEUE, u('a')), NOW)
    expect(finished(queue, 'stale')).toBe(queue)
  })

  it('drops the oldest when too much waits, and skips what waited too long', () => {
    let q = EMPTY_QUEUE
    for (const k of ['a', 'b', 'c', 'd']) q = enqueue(q, u(k, k === 'b' ? NOW - 20_000 : NOW))
    expect(q.waiting.map((w) => w.key)).toEqual(['b', 'c', 'd'])
    expect(takeNext(q, NOW).say?.key).toBe('c')
  })
})
