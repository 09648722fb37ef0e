/**
 * @module One RTCPeerConnection to one remote peer, negotiated with the perfect-negotiation pattern
 * (W3C WebRTC 1.0 §10.7): either side may offer at any time (ICE restart, data channels) and the
 * polite side yields on a collision. Signals are applied one at a time, in the order they came.
 */
import type { SignalData } from '../../../shared/protocol/signalling'
import { reconnectDelayMs } from './backoff'
import { VIDEO_FPS } from './encoding'
import { readCounters, type StatsCounters } from './gradeQuality'
import { isPolite } from './isPolite'

export type MediaKind = 'audio' | 'video'
export const MEDIA_KINDS: readonly MediaKind[] = ['audio', 'video']

/**
 * A data channel opened on every connection. Channels are pre-negotiated (`negotiated: true`, same
 * `id` on both sides), so neither side waits for the other's `datachannel` event.
 */
export type ChannelSpec = { label: string; id: number; ordered: boolean }

export type PeerLinkOptions = {
  selfId: string
  remoteId: string
  config: RTCConfiguration
  sendSignal: (data: SignalData) => void
  localTrack: (kind: MediaKind) => MediaStreamTrack | null
  videoBitrateBps: () => number
  channels: readonly ChannelSpec[]
  onRemoteStream: (stream: MediaStream) => void
  onConnectionState: (state: RTCPeerConnectionState) => void
  onChannel: (label: string, channel: RTCDataChannel) => void
}

export type PeerLink = {
  handleSignal: (data: SignalData) => void
  replaceTrack: (kind: MediaKind, track: MediaStreamTrack | null) => Promise<void>
  /** Applies the current bitrate cap and frame-rate preference to our video sender. */
  tuneVideo: () => Promise<void>
  setIceServers: (iceServers: RTCIceServer[]) => void
  stats: () => Promise<StatsCounters>
  close: () => void
}

/** How long ICE may stay `disconnected` (often a brief Wi-Fi hiccup that heals itself) before we restart it. */
export const DISCONNECTED_GRACE_MS = 3_000

export function makePeerLink(o: PeerLinkOptions): PeerLink {
  const polite = isPolite(o.selfId, o.remoteId)
  const pc = new RTCPeerConnection(o.config)
  const remoteStream = new MediaStream()
  const senders: Partial<Record<MediaKind, RTCRtpSender>> = {}
  let makingOffer = false
  let ignoreOffer = false
  let settingRemoteAnswer = false
  let localSideReady = false
  let closed = false
  let inbox = Promise.resolve()
  let restartAttempt = 0
  let restartTimer: ReturnType<typeof setTimeout> | undefined
  let disconnectedTimer: ReturnType<typeof setTimeout> | undefined

  /**
   * Media sections are made once, by the impolite side, with both directions open; the polite side
   * fills them when it answers. Camera and mic changes after that are `replaceTrack` calls that
   * never renegotiate, even for someone who joined with no camera and turns one on later.
   */
  if (!polite) {
    for (const kind of MEDIA_KINDS) {
      const init: RTCRtpTransceiverInit = { direction: 'sendrecv' }
      if (kind === 'video') init.sendEncodings = [{ maxBitrate: o.videoBitrateBps(), maxFramerate: VIDEO_FPS }]
      senders[kind] = pc.addTransceiver(o.localTrack(kind) ?? kind, init).sender
    }
    openChannels()
    localSideReady = true
  }

  function openChannels() {
    for (const spec of o.channels) {
      o.onChannel(spec.label, pc.createDataChannel(spec.label, { negotiated: true, id: spec.id, ordered: spec.ordered }))
    }
  }

  /** Polite side, on the first offer: send our tracks on the sections the offer made. */
  async function attachLocalSide() {
    localSideReady = true
    for (const t of pc.getTransceivers()) {
      const kind = t.receiver.track.kind as MediaKind
      if (senders[kind] || !MEDIA_KINDS.includes(kind)) continue
      t.direction = 'sendrecv'
      senders[kind] = t.sender
      await t.sender.replaceTrack(o.localTrack(kind))
    }
    openChannels()
  }

  const signal = (data: SignalData) => {
    if (!closed) o.sendSignal(data)
  }

  pc.onnegotiationneeded = async () => {
    try {
      makingOffer = true
      await pc.setLocalDescription()
      if (pc.localDescription) signal({ kind: 'description', description: pc.localDescription.toJSON() })
    } catch (e) {
      console.warn('could not make an offer', e)
    } finally {
      makingOffer = false
    }
  }

  pc.onicecandidate = ({ candidate }) => {
    if (candidate) signal({ kind: 'candidate', candidate: candidate.toJSON() as Extract<SignalData, { kind: 'candidate' }>['candidate'] })
  }

  pc.ontrack = ({ track }) => {
    for (const old of remoteStream.getTracks()) if (old.kind === track.kind) remoteStream.removeTrack(old)
    remoteStream.addTrack(track)
    o.onRemoteStream(remoteStream)
  }

  pc.onconnectionstatechange = () => {
    o.onConnectionState(pc.connectionState)
    if (pc.connectionState === 'connected') {
      restartAttempt = 0
      void tuneVideo()
    }
    if (pc.connectionState === 'failed') restartIce()
  }

  pc.oniceconnectionstatechange = () => {
    clearTimeout(disconnectedTimer)
    if (pc.iceConnectionState === 'disconnected') {
      disconnectedTimer = setTimeout(() => {
        if (pc.iceConnectionState === 'disconnected') restartIce()
      }, DISCONNECTED_GRACE_MS)
    }
  }

  /** Restarts back off, so a peer that is really gone does not get an offer every few milliseconds. */
  function restartIce() {
    if (closed) return
    clearTimeout(restartTimer)
    restartTimer = setTimeout(() => {
      if (!closed) pc.restartIce()
    }, reconnectDelayMs(restartAttempt++))
  }

  async function apply(data: SignalData) {
    if (closed) return
    if (data.kind === 'description') {
      const description = data.description
      const readyForOffer = !makingOffer && (pc.signalingState === 'stable' || settingRemoteAnswer)
      const collision = description.type === 'offer' && !readyForOffer
      ignoreOffer = !polite && collision
      if (ignoreOffer) return
      settingRemoteAnswer = description.type === 'answer'
      await pc.setRemoteDescription(description)
      settingRemoteAnswer = false
      if (description.type === 'offer') {
        if (!localSideReady) await attachLocalSide()
        await pc.setLocalDescription()
        if (pc.localDescription) signal({ kind: 'description', description: pc.localDescription.toJSON() })
      }
      return
    }
    if (!data.candidate) return
    try {
      await pc.addIceCandidate(data.candidate)
    } catch (e) {
      // Candidates of an offer we ignored are expected to fail; any other failure is real.
      if (!ignoreOffer) throw e
    }
  }

  async function tuneVideo() {
    const sender = senders.video
    if (!sender || closed) return
    const params = sender.getParameters()
    if (!params.encodings?.length) return
    // 'motion' on the track already implies this in Chrome; saying it here covers other browsers.
    ;(params as RTCRtpSendParameters & { degradationPreference?: string }).degradationPreference = 'maintain-framerate'
    for (const e of params.encodings) {
      e.maxBitrate = o.videoBitrateBps()
      e.maxFramerate = VIDEO_FPS
    }
    try {
      await sender.setParameters(params)
    } catch (e) {
      console.warn('could not tune the video sender', e)
    }
  }

  return {
    handleSignal(data) {
      inbox = inbox.then(() => apply(data)).catch((e) => console.warn(`signal from ${o.remoteId} failed`, e))
    },
    async replaceTrack(kind, track) {
      await senders[kind]?.replaceTrack(track)
    },
    tuneVideo,
    setIceServers(iceServers) {
      if (!closed) pc.setConfiguration({ ...pc.getConfiguration(), iceServers })
    },
    async stats() {
      const report = await pc.getStats()
      return readCounters(report.values() as Iterable<{ type: string; id: string }>, performance.now())
    },
    close() {
      closed = true
      clearTimeout(restartTimer)
      clearTimeout(disconnectedTimer)
      pc.onnegotiationneeded = pc.onicecandidate = pc.ontrack = null
      pc.onconnectionstatechange = pc.oniceconnectionstatechange = null
      pc.close()
    },
  }
}
