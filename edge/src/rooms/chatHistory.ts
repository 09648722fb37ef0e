/**
 * @module The call's chat as the room keeps it: newest last, trimmed from the oldest end so the
 * whole history still fits in one `welcome` frame for someone joining late.
 */
import type { ChatMessage } from '../../../shared/protocol/signalling'

/**
 * `welcome` must stay under MAX_FRAME_BYTES (64 KB) because the client refuses larger frames;
 * 64 peers take at most ~20 KB of it, so the chat gets 36 KB — a few hundred typical messages.
 * A stored message is at least ~100 bytes, so this also keeps under the contract's 1,000.
 */
export const CHAT_HISTORY_MAX_BYTES = 36_000

const encoder = new TextEncoder()
const bytesOf = (value: unknown) => encoder.encode(JSON.stringify(value)).byteLength

export function appendChat(history: readonly ChatMessage[], message: ChatMessage): ChatMessage[] {
  const next = [...history, message]
  let bytes = bytesOf(next)
  let start = 0
  while (start < next.length - 1 && bytes > CHAT_HISTORY_MAX_BYTES) {
    bytes -= bytesOf(next[start]) + 1 // and its comma
    start++
  }
  return next.slice(start)
}
