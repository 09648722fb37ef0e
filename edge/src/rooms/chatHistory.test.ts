import { describe, expect, it } from 'vitest'
import { randomId } from '../../../shared/protocol/ids'
import type { ChatMessage } from '../../../shared/protocol/signalling'
import { CHAT_HISTORY_MAX_BYTES, appendChat } from './chatHistory'

const message = (text: string, at: number): ChatMessage => ({ id: randomId(), from: randomId(), name: 'Ana', text, at })
const bytes = (history: ChatMessage[]) => new TextEncoder().encode(JSON.stringify(history)).byteLength

describe('chat history', () => {
  it('keeps messages in the order they were sent', () => {
    let h: ChatMessage[] = []
    for (let i = 0; i < 5; i++) h = appendChat(h, message(`m${i}`, i))
    expect(h.map((m) => m.text)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4'])
  })

  it('drops the oldest messages so the history always fits in a welcome frame', () => {
    let h: ChatMessage[] = []
    for (let i = 0; i < 100; i++) h = appendChat(h, message('ü'.repeat(1_000) + i, i))
    expect(bytes(h)).toBeLessThanOrEqual(CHAT_HISTORY_MAX_BYTES)
    expect(h.at(-1)!.at).toBe(99)
    expect(h.length).toBeGreaterThan(10)
  })

  it('keeps the shortest possible messages under the 1,000 a welcome frame may carry', () => {
    const shortest = (): ChatMessage => ({ id: randomId(), from: randomId(), name: 'A', text: '.', at: Date.now() })
    const h = appendChat(Array.from({ length: 1_000 }, shortest), shortest())
    expect(h.length).toBeLessThan(1_000)
    expect(bytes(h)).toBeLessThanOrEqual(CHAT_HISTORY_MAX_BYTES)
  })
})
