/**
 * @module The call's chat as the room keeps it: newest last, trimmed from the oldest end so the
 * whole history still fits in one `welcome` frame for someone joining late.
 */
import type { ChatMessage } from '../../../shared/protocol/signalling'

/**
 * `welcome` must stay under MAX_FRAME_BYTES (64 KB) because the client refuses larger frames;
 * 64 peers take at most ~20 KB of it, so the chat gets 36 KB — a few hundred typical messages.
 */
export const CHAT_HISTORY_MAX_BYTES = 36_000
export const CHAT_HISTORY_MAX_MESSAGES = 1_000

const encoder = new TextEncoder()
const sizeOf = (m: ChatMessage) => encoder.encode(JSON.stringify(m)).byteLength + 1

export function appendChat(history: readonly ChatMessage[], message: ChatMessage): ChatMessage[] {
  const next = [...history, message]
  let bytes = next.reduce((sum, m) => sum + sizeOf(m), 0)
  let start = 0
  while (start < next.length && (bytes > CHAT_HISTORY_MAX_BYTES || next.length - start > CHAT_HISTORY_MAX_MESSAGES)) {
    bytes -= sizeOf(next[start]!)
    start++
  }
  return next.slice(start)
}
