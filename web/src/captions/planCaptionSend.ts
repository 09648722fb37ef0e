/**
 * @module Which path each caption message takes to each peer: their data channel when it is open
 * (peer to peer, no server), otherwise the room socket, which relays it without storing it. Pure.
 */

export type CaptionRoute = {
  /** Peers whose captions data channel is open. */
  channel: string[]
  /** Through the room: `everyone` (one frame relayed to all others) or these peers, one frame each. */
  socket: 'everyone' | string[]
}

export function planCaptionSend(peers: readonly string[], openChannels: ReadonlySet<string>): CaptionRoute {
  const channel = peers.filter((id) => openChannels.has(id))
  const rest = peers.filter((id) => !openChannels.has(id))
  // With no channel open (the first moments of a call), one relayed frame reaches all.
  const socket = rest.length > 1 && channel.length === 0 ? 'everyone' : rest
  return { channel, socket }
}
