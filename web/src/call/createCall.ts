/**
 * @module One call, for `CallView`: the room socket, the mesh, local media, chat and network
 * quality wired together, with the state the view reads in one store. Server messages are handled
 * one at a time, in order, so a signal never reaches a mesh that does not exist yet.
 */
import { batch, createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js'
import { createStore, produce, reconcile } from 'solid-js/store'
import type { CaptionEvent } from '../../../shared/protocol/captions'
import type { ChatMessage, MediaState, Peer } from '../../../shared/protocol/signalling'
import { assertNever } from '../ui/assertNever'
import { prefetchIceServers, type IceServersFetch } from './api'
import { mergeChat } from './chatLog'
import { createNetworkQuality } from './createNetworkQuality'
import { createPeerMesh, type MeshIdentity } from './createPeerMesh'
import { createSignalling } from './createSignalling'
import type { LocalMediaSignals } from './createLocalMedia'
import type { CallError } from './errors'
import { MEDIA_KINDS, type ChannelSpec, type MediaKind } from './makePeerLink'
import type { RoomMessage, Welcome } from './makeSignalling'

export type CallOptions = {
  roomId: string
  name: string
  /** A signed-in user's picture, shown on their tile when their camera is off (issue #7). */
  avatarUrl?: string
  local: LocalMediaSignals
  /** Started on the pre-join screen, so neither is on the path to the first frame. */
  warm?: { socket: WebSocket | null; iceServers: IceServersFetch }
  /** Whether our recogniser is on (issue #5); announced to peers in `state`. */
  captionsOn?: Accessor<boolean>
  /** Captions relayed by the room while a peer's data channel is not open (issue #5). */
  onCaption?: (from: string, event: CaptionEvent) => void
  /** Data channels to open to every peer, and where each one goes once made (captions, issue #5). */
  channels?: readonly ChannelSpec[]
  onChannel?: (peerId: string, label: string, channel: RTCDataChannel) => void
}

export type CallState = {
  selfId: string | null
  peers: Record<string, Peer>
  chat: ChatMessage[]
  /** Problems worth telling the user that do not end the call. */
  notices: CallError[]
  /** A problem that ends the call (the room is full). */
  fatal: CallError | null
  left: boolean
  /** Who joined or left, for the screen reader's live region. */
  announcement: string
}

/** Renew TURN credentials this far into their lifetime, well before any allocation needs them. */
const TURN_REFRESH_AT = 0.8

export function socketUrl(roomId: string, location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/rooms/${encodeURIComponent(roomId)}/socket`
}

export function createCall(opts: CallOptions) {
  const { local } = opts
  const [state, setState] = createStore<CallState>({
    selfId: null,
    peers: {},
    chat: [],
    notices: [],
    fatal: null,
    left: false,
    announcement: '',
  })
  const [identity, setIdentity] = createSignal<MeshIdentity | null>(null)
  const notice = (e: CallError) => setState('notices', (n) => [...n, e])
  const announce = (text: string) => setState('announcement', text)

  let ttlTimer: ReturnType<typeof setTimeout> | undefined
  onCleanup(() => clearTimeout(ttlTimer))
  const loadIceServers = async (fetched: IceServersFetch): Promise<Omit<MeshIdentity, 'selfId'>> => {
    const r = await fetched.result
    if (!r.ok) {
      notice(r.error)
      return { iceServers: [], iceTransportPolicy: 'all' }
    }
    if (r.value.ttlS > 0) {
      const renewInMs = r.value.ttlS * 1_000 * TURN_REFRESH_AT - (Date.now() - fetched.atMs)
      ttlTimer = setTimeout(() => {
        const renewing = loadIceServers(prefetchIceServers())
        void renewing.then((renewed) => {
          // A failed renewal keeps the servers we have (its notice says why) rather than none.
          if (renewed.iceServers.length === 0) return
          // A mesh made after this (a rejoin under a new id) starts with the fresh credentials too.
          iceServers = renewing
          mesh()?.setIceServers(renewed.iceServers)
        })
      }, Math.max(0, renewInMs))
    }
    return { iceServers: r.value.iceServers, iceTransportPolicy: r.value.iceTransportPolicy ?? 'all' }
  }
  // Fetched while the socket connects at the latest, never after: it is on the path to the first frame.
  let iceServers = loadIceServers(opts.warm?.iceServers ?? prefetchIceServers())

  const mediaState = (): MediaState => ({
    audio: local.micOn(),
    video: local.cameraOn(),
    captions: opts.captionsOn?.() ?? false,
  })

  let inbox = Promise.resolve()
  const inOrder = (task: () => void | Promise<void>) => {
    inbox = inbox.then(task).catch((e) => console.error('call: handling a room message failed', e))
  }

  const signalling = createSignalling({
    url: socketUrl(opts.roomId),
    socket: opts.warm?.socket ?? null,
    joinAs: () => ({ name: opts.name, state: mediaState(), ...(opts.avatarUrl && { avatarUrl: opts.avatarUrl }) }),
    onWelcome: (w, resumed) => inOrder(() => welcome(w, resumed)),
    onMessage: (m) => inOrder(() => handle(m)),
    onError(e) {
      if (e.reason === 'room-full' || e.reason === 'replaced') {
        setIdentity(null)
        setState('fatal', e)
        return
      }
      // A signal to someone who left a moment ago crosses their `peer-left`: expected, not news.
      if (e.code === 'unknown-peer') return
      notice(e)
    },
  })

  const { mesh, media, remove } = createPeerMesh({
    identity,
    sendSignal: (to, data) => signalling.send({ type: 'signal', to, data }),
    localTrack: (kind) => local.media.track(kind),
    channels: opts.channels ?? [],
    onChannel: (peerId, label, channel) => opts.onChannel?.(peerId, label, channel),
  })

  const quality = createNetworkQuality(mesh, (peerId) => state.peers[peerId]?.state.video ?? false)

  async function welcome(w: Welcome, resumed: boolean) {
    const ice = await iceServers
    const others = w.peers.filter((p) => p.id !== w.peerId)
    batch(() => {
      // A rejoin the room did not take as a resume gave us a new id: the others have already
      // dropped our old connections, so the mesh starts afresh.
      if (!resumed || identity() === null) setIdentity({ selfId: w.peerId, ...ice })
      setState('selfId', w.peerId)
      setState('peers', reconcile(Object.fromEntries(others.map((p) => [p.id, p]))))
      setState('chat', (held) => mergeChat(held, w.chat))
    })
    mesh()?.sync(others.map((p) => p.id))
  }

  function handle(m: RoomMessage) {
    switch (m.type) {
      case 'peer-joined':
        if (m.peer.id === state.selfId) return
        setState('peers', m.peer.id, m.peer)
        mesh()?.add(m.peer.id)
        announce(`${m.peer.name} joined the call`)
        return
      case 'peer-left': {
        const name = state.peers[m.peerId]?.name
        remove(m.peerId)
        setState('peers', produce((peers) => void delete peers[m.peerId]))
        if (name) announce(m.reason === 'timeout' ? `${name} lost their connection` : `${name} left the call`)
        return
      }
      case 'signal':
        mesh()?.handleSignal(m.from, m.data)
        return
      case 'chat':
        setState('chat', (held) => mergeChat(held, [m.message]))
        return
      case 'state':
        if (state.peers[m.peerId]) setState('peers', m.peerId, 'state', m.state)
        return
      case 'caption':
        opts.onCaption?.(m.from, m.event)
        return
      default:
        assertNever(m)
    }
  }

  // Hand a new or removed camera/mic track to every peer, and tell the room what we now send.
  const sent: Record<MediaKind, MediaStreamTrack | null> = { audio: local.media.track('audio'), video: local.media.track('video') }
  createEffect(
    on(
      () => [local.micOn(), local.cameraOn(), local.videoTrack(), opts.captionsOn?.()],
      () => {
        for (const kind of MEDIA_KINDS) {
          const track = local.media.track(kind)
          if (track !== sent[kind]) mesh()?.setLocalTrack(kind, track)
          sent[kind] = track
        }
        signalling.send({ type: 'state', state: mediaState() })
      },
      { defer: true },
    ),
  )

  const leave = () => {
    if (state.left) return
    signalling.leave()
    setIdentity(null)
    setState('left', true)
  }
  // Closing the tab says goodbye at once, rather than leaving the others to wait for a timeout.
  window.addEventListener('pagehide', leave)
  onCleanup(() => {
    window.removeEventListener('pagehide', leave)
    leave()
  })

  return {
    state,
    status: signalling.status,
    media,
    quality,
    sendChat: (text: string) => signalling.send({ type: 'chat', text }),
    /** Through the room, to `to` or to everyone else: the fallback while a caption data channel is not open. */
    sendCaption: (event: CaptionEvent, to?: string) => signalling.send({ type: 'caption', event, ...(to !== undefined && { to }) }),
    notify: notice,
    dismissNotice: (i: number) => setState('notices', (n) => n.filter((_, j) => j !== i)),
    leave,
  }
}

export type Call = ReturnType<typeof createCall>
