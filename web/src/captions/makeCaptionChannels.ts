/**
 * @module The `captions` data channel to each peer: ordered and reliable (SCTP), so a final never
 * overtakes its interims and nothing is lost; pre-negotiated by makePeerLink on every link. What
 * arrives is size-checked and validated with the shared schema before anything reads it: a peer
 * is no more trusted than a socket, and one sending junk is reported and ignored.
 */
import { parseCaptionChannelMessage, type CaptionChannelMessage, type CaptionMessageError } from '../../../shared/protocol/captions'
import type { ChannelSpec } from '../call/makePeerLink'

/** Stream id 1 on every link (negotiated: true), so neither side waits for the other to announce it. */
export const CAPTION_CHANNEL: ChannelSpec = { label: 'captions', id: 1, ordered: true }

/**
 * Captions are a few hundred bytes each; this much unsent means the link is stalled, and the
 * room socket is the better path until it drains.
 */
const MAX_BUFFERED_BYTES = 256 * 1024

export type CaptionChannelEvents = {
  /** The channel to `peerId` opened: the moment to send them what they missed. */
  open(peerId: string): void
  message(peerId: string, message: CaptionChannelMessage): void
  rejected(peerId: string, error: CaptionMessageError): void
}

export type CaptionChannels = {
  /** Takes the channel a new link made to `peerId` (replacing an older link's). */
  add(peerId: string, channel: RTCDataChannel): void
  /** Peers whose channel is open and not stalled. */
  open(): Set<string>
  /** False when the channel could not take it (closed, closing, stalled): send it another way. */
  send(peerId: string, message: CaptionChannelMessage): boolean
  remove(peerId: string): void
  dispose(): void
}

export function makeCaptionChannels(on: CaptionChannelEvents): CaptionChannels {
  const channels = new Map<string, RTCDataChannel>()

  const detach = (channel: RTCDataChannel) => {
    channel.onopen = channel.onmessage = channel.onclose = null
  }
  const usable = (c: RTCDataChannel) => c.readyState === 'open' && c.bufferedAmount <= MAX_BUFFERED_BYTES

  function remove(peerId: string) {
    const c = channels.get(peerId)
    if (!c) return
    detach(c)
    channels.delete(peerId)
  }

  return {
    add(peerId, channel) {
      remove(peerId)
      channels.set(peerId, channel)
      channel.onopen = () => on.open(peerId)
      channel.onmessage = (e: MessageEvent) => {
        const r = parseCaptionChannelMessage(e.data)
        if (r.ok) on.message(peerId, r.value)
        else on.rejected(peerId, r.error)
      }
      channel.onclose = () => {
        if (channels.get(peerId) === channel) remove(peerId)
      }
      if (channel.readyState === 'open') on.open(peerId)
    },
    open: () => new Set([...channels].filter(([, c]) => usable(c)).map(([id]) => id)),
    send(peerId, message) {
      const c = channels.get(peerId)
      if (!c || !usable(c)) return false
      try {
        c.send(JSON.stringify(message))
        return true
      } catch {
        // Closed between the check and the send (the peer hung up): the caller falls back.
        return false
      }
    },
    remove,
    dispose() {
      for (const id of [...channels.keys()]) remove(id)
    },
  }
}
