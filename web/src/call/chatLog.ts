/**
 * @module The call's chat as one ordered list. After a rejoin the room replays its history in
 * `welcome`, which overlaps what we already hold; merging by message id shows each message once.
 */
import type { ChatMessage } from '../../../shared/protocol/signalling'

/** Messages from both lists, each once, oldest first (the room's clock orders them; ids break ties). */
export function mergeChat(held: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  const byId = new Map<string, ChatMessage>()
  for (const m of held) byId.set(m.id, m)
  for (const m of incoming) byId.set(m.id, m)
  return [...byId.values()].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}
