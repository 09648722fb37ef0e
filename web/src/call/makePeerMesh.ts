/**
 * @module The full mesh: one `PeerLink` per remote peer, kept in step with the room's roster. It
 * fans our track changes out to every link and routes each signal to the link it belongs to.
 */
import type { SignalData } from '../../../shared/protocol/signalling'
import { videoBitrateCapBps } from './encoding'
import type { StatsCounters } from './gradeQuality'
import { makePeerLink, type ChannelSpec, type MediaKind, type PeerLink } from './makePeerLink'

export type PeerMeshOptions = {
  selfId: string
  iceServers: RTCIceServer[]
  /** `relay` only when the server says so (a TURN-only deployment); otherwise `all`. */
  iceTransportPolicy?: RTCIceTransportPolicy
  sendSignal: (to: string, data: SignalData) => void
  localTrack: (kind: MediaKind) => MediaStreamTrack | null
  /** Data channels to open to every peer (captions, issue #5). */
  channels?: readonly ChannelSpec[]
  onRemoteStream: (peerId: string, stream: MediaStream) => void
  onConnectionState: (peerId: string, state: RTCPeerConnectionState) => void
  onChannel?: (peerId: string, label: string, channel: RTCDataChannel) => void
}

export type PeerMesh = {
  /** Connects to every id in `peerIds` not yet connected, and hangs up on every one not listed. */
  sync: (peerIds: readonly string[]) => void
  add: (peerId: string) => void
  remove: (peerId: string) => void
  handleSignal: (from: string, data: SignalData) => void
  /** Sends `track` (or nothing) to every peer in place of the current one: no renegotiation. */
  setLocalTrack: (kind: MediaKind, track: MediaStreamTrack | null) => void
  setIceServers: (iceServers: RTCIceServer[]) => void
  stats: (peerId: string) => Promise<StatsCounters | null>
  peerIds: () => string[]
  dispose: () => void
}

export function makePeerMesh(o: PeerMeshOptions): PeerMesh {
  const links = new Map<string, PeerLink>()
  let iceServers = o.iceServers

  const retune = () => {
    for (const l of links.values()) void l.tuneVideo()
  }

  function link(peerId: string): PeerLink {
    const existing = links.get(peerId)
    if (existing) return existing
    const created = makePeerLink({
      selfId: o.selfId,
      remoteId: peerId,
      config: { iceServers, iceTransportPolicy: o.iceTransportPolicy ?? 'all', bundlePolicy: 'max-bundle' },
      sendSignal: (data) => o.sendSignal(peerId, data),
      localTrack: o.localTrack,
      videoBitrateBps: () => videoBitrateCapBps(links.size),
      channels: o.channels ?? [],
      onRemoteStream: (stream) => o.onRemoteStream(peerId, stream),
      onConnectionState: (state) => o.onConnectionState(peerId, state),
      onChannel: (label, channel) => o.onChannel?.(peerId, label, channel),
    })
    links.set(peerId, created)
    retune()
    return created
  }

  function remove(peerId: string) {
    const l = links.get(peerId)
    if (!l) return
    l.close()
    links.delete(peerId)
    retune()
  }

  return {
    sync(peerIds) {
      const wanted = new Set(peerIds)
      for (const id of [...links.keys()]) if (!wanted.has(id)) remove(id)
      for (const id of peerIds) link(id)
    },
    add: (peerId) => void link(peerId),
    remove,
    handleSignal: (from, data) => link(from).handleSignal(data),
    setLocalTrack(kind, track) {
      for (const [id, l] of links) l.replaceTrack(kind, track).catch((e) => console.warn(`replaceTrack to ${id} failed`, e))
    },
    setIceServers(next) {
      iceServers = next
      for (const l of links.values()) l.setIceServers(next)
    },
    stats: async (peerId) => (await links.get(peerId)?.stats()) ?? null,
    peerIds: () => [...links.keys()],
    dispose() {
      for (const l of links.values()) l.close()
      links.clear()
    },
  }
}
