import { describe, expect, it } from 'vitest'
import type { ChatMessage } from '../../../shared/protocol/signalling'
import { mergeChat } from './chatLog'

const msg = (id: string, at: number, text = id): ChatMessage => ({ id: id.padEnd(22, 'x'), from: 'P'.repeat(22), name: 'Ana', text, at })

describe('mergeChat', () => {
  it('shows each message once when the replayed history overlaps what we hold', () => {
    const held = [msg('a', 1), msg('b', 2)]
    const replay = [msg('a', 1), msg('b', 2), msg('c', 3)]
    expect(mergeChat(held, replay).map((m) => m.text)).toEqual(['a', 'b', 'c'])
  })

  it('keeps messages that only we hold, in time order', () => {
    expect(mergeChat([msg('b', 2)], [msg('a', 1), msg('c', 3)]).map((m) => m.text)).toEqual(['a', 'b', 'c'])
  })

  it('orders messages from the same millisecond by id, so every viewer sees one order', () => {
    expect(mergeChat([msg('z', 5)], [msg('y', 5)]).map((m) => m.text)).toEqual(['y', 'z'])
  })

  it('appends a live message', () => {
    expect(mergeChat([msg('a', 1)], [msg('b', 9)]).map((m) => m.text)).toEqual(['a', 'b'])
  })
})
