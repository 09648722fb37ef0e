import { expect } from '@esm-bundle/chai'
import type { CaptionEntry } from './captionLog'
import { openCaptionStore, type CaptionStore } from './captionStore'

const T0 = 1_700_000_000_000
const entry = (from: string, name: string, id: string, text: string, tStart: number): CaptionEntry => ({
  key: `${from}:${id}`,
  from,
  name,
  event: { v: 1, id, text, kind: 'word', confidence: 0.9, tStart, tEnd: tStart + 800, final: true },
  firstAtMs: tStart + 900,
  atMs: tStart + 900,
})

describe('the caption history on this device (IndexedDB)', () => {
  let store: CaptionStore
  let name: string
  beforeEach(async () => {
    name = `captions-test-${Math.random().toString(36).slice(2)}`
    store = await openCaptionStore(name)
  })
  afterEach(async () => {
    store.close()
    await new Promise((done) => {
      const r = indexedDB.deleteDatabase(name)
      r.onsuccess = r.onerror = r.onblocked = done
    })
  })

  it('keeps each call’s finals after the call and reads them back in order, by call id', async () => {
    await store.save('call-a', T0, [entry('self', 'Ana', 'w1', 'thank you', T0 + 3_000)])
    await store.save('call-a', T0, [entry('self', 'Ana', 'w0', 'hello', T0 + 1_000), entry('ben', 'Ben', 't0', 'hi', T0 + 2_000)])
    await store.save('call-b', T0 + 60_000, [entry('cy', 'Cy', 'w0', 'yes', T0 + 61_000)])
    store.close()
    store = await openCaptionStore(name)
    const a = await store.loadCall('call-a')
    expect(a!.entries.map((e) => `${e.name}: ${e.event.text}`)).to.deep.equal(['Ana: hello', 'Ben: hi', 'Ana: thank you'])
    expect(a!.call).to.deep.include({ callId: 'call-a', startedAtMs: T0, entryCount: 3 })
    expect(a!.call.names).to.have.members(['Ana', 'Ben'])
    expect((await store.loadCall('call-b'))!.entries).to.have.length(1)
    expect(await store.loadCall('call-c')).to.equal(null)
  })

  it('lists past calls, the most recent first', async () => {
    await store.save('older', T0, [entry('self', 'Ana', 'w0', 'hello', T0)])
    await store.save('newer', T0 + 100_000, [entry('self', 'Ana', 'w0', 'yes', T0 + 100_000)])
    expect((await store.listCalls()).map((c) => c.callId)).to.deep.equal(['newer', 'older'])
  })

  it('replaces a caption saved again (a correction) without counting it twice', async () => {
    const e = entry('ben', 'Ben', 'w0', 'please', T0)
    await store.save('call', T0, [e])
    await store.save('call', T0, [{ ...e, corrected: 'yes' }])
    const got = await store.loadCall('call')
    expect(got!.call.entryCount).to.equal(1)
    expect(got!.entries[0]!.corrected).to.equal('yes')
  })

  it('keeps corrections with the landmarks behind one’s own caption, and text only for someone else’s', async () => {
    const landmarks = [{ t: 12.5, hands: [{ landmarks: Array.from({ length: 21 }, (_, i) => ({ x: i / 21, y: 0.5, z: -0.01 })), handedness: 'Right' as const, score: 0.97 }], aspect: 4 / 3 }]
    await store.addCorrection({ callId: 'call', captionKey: 'self:w0', kind: 'word', shown: 'please', meant: 'yes', tStart: T0, tEnd: T0 + 800, atMs: T0 + 5_000, landmarks })
    await store.addCorrection({ callId: 'call', captionKey: 'ben:w3', kind: 'word', shown: 'no', meant: 'know', tStart: T0, tEnd: T0 + 800, atMs: T0 + 6_000, landmarks: null })
    const got = await store.corrections('call')
    expect(got.map((c) => [c.meant, c.landmarks?.length ?? null])).to.deep.equal([
      ['yes', 1],
      ['know', null],
    ])
    expect(got[0]!.landmarks![0]!.hands[0]!.landmarks[20]).to.deep.equal({ x: 20 / 21, y: 0.5, z: -0.01 })
  })

  it('deletes a call with its captions and corrections', async () => {
    await store.save('call', T0, [entry('self', 'Ana', 'w0', 'hello', T0)])
    await store.addCorrection({ callId: 'call', captionKey: 'self:w0', kind: 'word', shown: 'hello', meant: 'hi', tStart: T0, tEnd: T0, atMs: T0, landmarks: null })
    await store.save('other', T0, [entry('self', 'Ana', 'w0', 'yes', T0)])
    await store.deleteCall('call')
    expect(await store.loadCall('call')).to.equal(null)
    expect(await store.corrections('call')).to.deep.equal([])
    expect((await store.listCalls()).map((c) => c.callId)).to.deep.equal(['other'])
  })
})
