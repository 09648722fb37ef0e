/**
 * @module Who is in a room and who has gone silent: the room's decisions as pure functions over
 * plain data, so they are tested in milliseconds under Node and workerd alike.
 */

/** Three missed heartbeats (HEARTBEAT_INTERVAL_MS = 5 s) and a peer is presumed gone. */
export const PEER_TIMEOUT_MS = 15_000
/**
 * How long a peer whose socket dropped without `leave` keeps its place. Its media usually still
 * flows peer to peer, so the others are not told until this runs out; a reconnect with backoff
 * (0.5, 1, 2, 4, 8 s) fits inside it.
 */
export const RESUME_GRACE_MS = 20_000
/** How often the alarm looks for silent peers while any socket is open. */
export const SWEEP_INTERVAL_MS = 5_000
export const DEFAULT_CAPACITY = 8
/** The welcome frame lists every peer; the contract allows 64. */
export const MAX_CAPACITY = 64

/** `ROOM_CAPACITY` from the environment: a whole number from 1 to 64, otherwise the default. */
export function parseCapacity(raw: string | undefined): number {
  if (raw === undefined || !/^\d+$/.test(raw.trim())) return DEFAULT_CAPACITY
  const n = Number(raw)
  return n >= 1 && n <= MAX_CAPACITY ? n : DEFAULT_CAPACITY
}

/** Where the peer named in a `join`'s `resume` was found, with a token that matched. */
export type Resumable = 'connected' | 'away' | null

export type JoinDecision =
  /** Take over the existing peer: same id, no `peer-left`/`peer-joined` for the others. */
  | { kind: 'resume'; from: 'connected' | 'away' }
  | { kind: 'new' }
  | { kind: 'full' }

/**
 * A valid resume never counts against capacity: that person already holds a place. Anyone else
 * needs a free place; peers who are away still hold theirs.
 */
export function decideJoin(input: { resumable: Resumable; peerCount: number; capacity: number }): JoinDecision {
  if (input.resumable) return { kind: 'resume', from: input.resumable }
  if (input.peerCount >= input.capacity) return { kind: 'full' }
  return { kind: 'new' }
}

/**
 * A socket closed without `leave`. 1000 (normal) and 1001 (going away: tab closed, page left)
 * are a person leaving; anything else (1006 abnormal, 1011, a proxy's 1012) is a network drop,
 * and the peer is kept for `RESUME_GRACE_MS` so its reconnect can take its place back.
 */
export function decideClose(code: number): 'leave' | 'away' {
  return code === 1000 || code === 1001 ? 'leave' : 'away'
}

/**
 * The last sign of life of a socket: the later of the last frame the room handled and the last
 * heartbeat the runtime answered for it without waking the room.
 */
export function lastSeenMs(lastFrameAtMs: number, heartbeatAt: Date | null): number {
  return heartbeatAt ? Math.max(lastFrameAtMs, heartbeatAt.getTime()) : lastFrameAtMs
}

export type SweepInput<K> = {
  nowMs: number
  /** Open sockets, joined or not, with their last sign of life. */
  sockets: { key: K; lastSeenAtMs: number }[]
  /** Peers whose socket dropped, with when it dropped. */
  away: { peerId: string; awaySinceMs: number }[]
}

export type SweepResult<K> = {
  /** Sockets silent for longer than `PEER_TIMEOUT_MS`: close them. */
  silent: K[]
  /** Away peers past `RESUME_GRACE_MS`: tell the others they left. */
  expired: string[]
}

export function sweep<K>(input: SweepInput<K>): SweepResult<K> {
  return {
    silent: input.sockets.filter((s) => input.nowMs - s.lastSeenAtMs > PEER_TIMEOUT_MS).map((s) => s.key),
    expired: input.away.filter((a) => input.nowMs - a.awaySinceMs > RESUME_GRACE_MS).map((a) => a.peerId),
  }
}
