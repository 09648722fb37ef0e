/**
 * @module `makePeerMesh` for a component: one mesh per identity the room gave us (a rejoin that the
 * room did not accept as a resume starts a fresh mesh), with each peer's stream and connection
 * state in a store the tiles read.
 */
import { createMemo, onCleanup, type Accessor } from 'solid-js'
import { createStore, produce, reconcile } from 'solid-js/store'
import { linkStatus, type LinkStatus } from './linkStatus'
import { makePeerMesh, type PeerMesh, type PeerMeshOptions } from './makePeerMesh'

export type PeerMedia = { stream: MediaStream | null; status: LinkStatus; everConnected: boolean }
/** Who we are in the room and how to reach the others; a new identity means a new mesh. */
export type MeshIdentity = { selfId: string; iceServers: RTCIceServer[]; iceTransportPolicy: RTCIceTransportPolicy }

export function createPeerMesh(
  opts: Omit<PeerMeshOptions, 'selfId' | 'iceServers' | 'iceTransportPolicy' | 'onRemoteStream' | 'onConnectionState'> & {
    /** Null until the room has welcomed us and the ICE servers are known. */
    identity: Accessor<MeshIdentity | null>
  },
) {
  const [media, setMedia] = createStore<Record<string, PeerMedia>>({})
  const mesh: Accessor<PeerMesh | null> = createMemo(() => {
    const id = opts.identity()
    if (!id) return null
    const m = makePeerMesh({
      ...opts,
      selfId: id.selfId,
      iceServers: id.iceServers,
      iceTransportPolicy: id.iceTransportPolicy,
      onRemoteStream: (peerId, stream) =>
        setMedia(peerId, (prev) => ({ status: prev?.status ?? 'connecting', everConnected: prev?.everConnected ?? false, stream })),
      onConnectionState: (peerId, state) =>
        setMedia(peerId, (prev) => {
          const everConnected = (prev?.everConnected ?? false) || state === 'connected'
          return { stream: prev?.stream ?? null, everConnected, status: linkStatus(state, everConnected) }
        }),
    })
    onCleanup(() => {
      m.dispose()
      setMedia(reconcile({}))
    })
    return m
  })
  /** Forget a departed peer's media along with its connection. */
  const remove = (peerId: string) => {
    mesh()?.remove(peerId)
    setMedia(produce((all) => void delete all[peerId]))
  }
  return { mesh, media, remove }
}
