/**
 * @module Who yields in a glare. The perfect-negotiation pattern (W3C WebRTC 1.0 §10.7) needs exactly
 * one polite peer per pair; both sides must reach the same answer without talking, so it is a pure
 * comparison of the two peer ids, which the room assigns and both sides know.
 */

/** True when `selfId` is the polite side towards `remoteId`: it rolls back its own offer on a collision. */
export function isPolite(selfId: string, remoteId: string): boolean {
  if (selfId === remoteId) throw new Error('a peer cannot negotiate with itself')
  return selfId > remoteId
}
