import { expect } from '@esm-bundle/chai'
import type { CaptionChannelMessage } from '../../../shared/protocol/captions'
import { makePeerMesh, type PeerMesh } from '../call/makePeerMesh'
import { CAPTION_CHANNEL, makeCaptionChannels, type CaptionChannels } from './makeCaptionChannels'

async function until(ok: () => boolean, timeoutMs = 20_000) {
  const t0 = performance.now()
  while (!ok()) {
    if (performance.now() - t0 > timeoutMs) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 20))
  }
}

type Side = { mesh: PeerMesh; channels: CaptionChannels; got: CaptionChannelMessage[]; rejected: string[]; opened: string[]; raw: RTCDataChannel[] }

/** Two real peer meshes in one page, signalling straight to each other: what two browsers in a call do. */
function pair(): { a: Side; b: Side; dispose: () => void } {
  const ids = { a: 'aaaaaaaaaaaaaaaaaaaaaa', b: 'bbbbbbbbbbbbbbbbbbbbbb' }
  const sides: Record<'a' | 'b', Side> = {} as never
  for (const me of ['a', 'b'] as const) {
    const other = me === 'a' ? 'b' : 'a'
    const side: Side = { got: [], rejected: [], opened: [], raw: [] } as unknown as Side
    side.channels = makeCaptionChannels({
      open: (peer) => side.opened.push(peer),
      message: (_, m) => side.got.push(m),
      rejected: (_, e) => side.rejected.push(e.code),
    })
    side.mesh = makePeerMesh({
      selfId: ids[me],
      iceServers: [],
      sendSignal: (_, data) => queueMicrotask(() => sides[other].mesh.handleSignal(ids[me], data)),
      localTrack: () => null,
      channels: [CAPTION_CHANNEL],
      onRemoteStream: () => {},
      onConnectionState: () => {},
      onChannel: (peer, label, channel) => {
        expect(label).to.equal('captions')
        side.raw.push(channel)
        side.channels.add(peer, channel)
      },
    })
    sides[me] = side
  }
  sides.a.mesh.add(ids.b)
  sides.b.mesh.add(ids.a)
  return {
    ...sides,
    dispose: () => {
      for (const s of Object.values(sides)) {
        s.channels.dispose()
        s.mesh.dispose()
      }
    },
  }
}

const event = { v: 1 as const, id: 'x-w0', text: 'hello', kind: 'word' as const, confidence: 0.9, tStart: 1, tEnd: 2, final: true }

describe('caption data channels (real RTCPeerConnections)', () => {
  it('open a pre-negotiated, ordered captions channel on every link and carry messages in order', async () => {
    const { a, b, dispose } = pair()
    try {
      await until(() => a.opened.length === 1 && b.opened.length === 1)
      expect(a.raw[0]!.ordered).to.equal(true)
      expect(a.raw[0]!.id).to.equal(CAPTION_CHANNEL.id)
      const peerB = [...a.channels.open()][0]!
      for (let i = 0; i < 50; i++) expect(a.channels.send(peerB, { type: 'caption', event: { ...event, id: `x-w${i}`, text: `w${i}` } })).to.equal(true)
      expect(a.channels.send(peerB, { type: 'hands', v: 1, up: true })).to.equal(true)
      await until(() => b.got.length === 51)
      expect(b.got.slice(0, 50).map((m) => (m.type === 'caption' ? m.event.text : ''))).to.deep.equal(Array.from({ length: 50 }, (_, i) => `w${i}`))
      expect(b.got[50]).to.deep.equal({ type: 'hands', v: 1, up: true })
    } finally {
      dispose()
    }
  })

  it('reject junk and oversized messages from a peer without passing them on', async () => {
    const { a, b, dispose } = pair()
    try {
      await until(() => a.opened.length === 1 && b.opened.length === 1)
      const raw = a.raw[0]!
      raw.send('not json')
      raw.send(JSON.stringify({ type: 'caption', event: { ...event, v: 2 } }))
      raw.send(JSON.stringify({ type: 'caption', event: { ...event, text: 'x'.repeat(5_000) } }))
      raw.send(new Uint8Array([1, 2, 3]))
      raw.send(JSON.stringify({ type: 'caption', event }))
      await until(() => b.got.length === 1)
      expect(b.rejected).to.deep.equal(['bad-message', 'bad-message', 'too-large', 'bad-message'])
      expect(b.got).to.deep.equal([{ type: 'caption', event }])
    } finally {
      dispose()
    }
  })

  it('says a closed channel cannot send, so the caller falls back to the room socket', async () => {
    const { a, b, dispose } = pair()
    try {
      await until(() => a.opened.length === 1 && b.opened.length === 1)
      const peerB = [...a.channels.open()][0]!
      a.raw[0]!.close()
      await until(() => a.channels.open().size === 0)
      expect(a.channels.send(peerB, { type: 'caption', event })).to.equal(false)
    } finally {
      dispose()
    }
  })
})
