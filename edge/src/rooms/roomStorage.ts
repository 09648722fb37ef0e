/**
 * @module What a room keeps in its Durable Object storage for the call's duration: the chat
 * history and the peers whose socket dropped (with the frames waiting for them). All of it is
 * deleted when the room empties.
 */
import type { ChatMessage, Peer, ServerMessage } from '../../../shared/protocol/signalling'
import { appendChat } from './chatHistory'

/** A peer whose socket dropped without `leave`; it may resume until RESUME_GRACE_MS runs out. */
export type AwayPeer = { peer: Peer; tokenHash: string; awaySinceMs: number; queued: ServerMessage[] }

/**
 * Signals kept for an away peer. A negotiation is an offer, an answer and some dozens of ICE
 * candidates per peer; past this the frames are not a negotiation worth finishing.
 */
export const MAX_QUEUED_FRAMES = 256

const CHAT_KEY = 'chat'
const AWAY_PREFIX = 'away:'
const awayKey = (peerId: string) => `${AWAY_PREFIX}${peerId}`

export async function readChat(storage: DurableObjectStorage): Promise<ChatMessage[]> {
  return (await storage.get<ChatMessage[]>(CHAT_KEY)) ?? []
}

export async function addChat(storage: DurableObjectStorage, message: ChatMessage): Promise<void> {
  await storage.put(CHAT_KEY, appendChat(await readChat(storage), message))
}

export async function listAway(storage: DurableObjectStorage): Promise<AwayPeer[]> {
  return [...(await storage.list<AwayPeer>({ prefix: AWAY_PREFIX })).values()]
}

export async function putAway(storage: DurableObjectStorage, away: AwayPeer): Promise<void> {
  await storage.put(awayKey(away.peer.id), away)
}

export async function removeAway(storage: DurableObjectStorage, peerId: string): Promise<void> {
  await storage.delete(awayKey(peerId))
}

/** Returns false when the queue is full and the frame was not kept. */
export async function queueForAway(storage: DurableObjectStorage, peerId: string, frame: ServerMessage): Promise<boolean> {
  const away = await storage.get<AwayPeer>(awayKey(peerId))
  if (!away || away.queued.length >= MAX_QUEUED_FRAMES) return false
  await storage.put(awayKey(peerId), { ...away, queued: [...away.queued, frame] })
  return true
}
