import { expect } from '@esm-bundle/chai'
import { RecognitionError } from './errors'
import { makeRecognizer, type RecognizerStatus } from './makeRecognizer'
import type { FrameResult } from './messages'
import { makeModelStore } from './modelStore'
import { bitmapOf, BOOK_CLIP, clipFrames, HELLO_CLIP, PHOTOS, requireSharedData } from './testMedia'

/** A fresh cache per test: nothing carries over between tests. */
const cacheName = () => `test-${Math.random().toString(36).slice(2)}`

describe('the recognition worker on real media', function () {
  before(requireSharedData)

  it('finds a hand in letter photos and none in photos of nothing', async () => {
    const r = makeRecognizer({ mode: 'image', store: makeModelStore(cacheName()) })
    try {
      const ready = await r.ready
      const withHand = ['A/A1008.jpg', 'L/L106.jpg', 'V/V1037.jpg', 'Y/Y1021.jpg']
      const nothing = ['nothing/nothing1001.jpg', 'nothing/nothing1067.jpg', 'nothing/nothing1145.jpg']
      const seen = async (f: string) => ((await r.process(await bitmapOf(`${PHOTOS}/${f}`), 0)) as FrameResult).observation
      for (const f of withHand) {
        const o = await seen(f)
        expect(o.hands.length, f).to.be.greaterThan(0)
        expect(o.hands[0]!.landmarks).to.have.length(21)
        expect(o.aspect).to.equal(1)
      }
      for (const f of nothing) expect((await seen(f)).hands, f).to.have.length(0)
      expect(ready.landmarker.variant).to.equal('lite')
    } finally {
      r.dispose()
    }
  })

  it('picks the CPU delegate on a machine whose WebGL is software, saying why', async () => {
    const r = makeRecognizer({ store: makeModelStore(cacheName()) })
    try {
      const { landmarker } = await r.ready
      expect(landmarker.delegate).to.equal('CPU')
      const gpu = landmarker.delegates.find((d) => d.kind === 'GPU')
      expect(gpu && 'skipped' in gpu ? gpu.skipped : '').to.match(/software WebGL/)
    } finally {
      r.dispose()
    }
  })

  it('follows the signing hand through a real clip (Start ASL "hello": a salute from the forehead)', async () => {
    const r = makeRecognizer({ store: makeModelStore(cacheName()) })
    try {
      await r.ready
      const results: FrameResult[] = []
      for (const { frame, tMs } of await clipFrames(HELLO_CLIP, 0, 1.6, 10)) {
        const res = await r.process(frame, tMs)
        if (res) results.push(res)
      }
      expect(results.length).to.be.greaterThan(12)
      // The signer starts with her hands down, out of view…
      expect(results[0]!.observation.hands).to.have.length(0)
      // …then her right hand (on the left of this unmirrored video) salutes at her forehead.
      const raised = results.filter((x) => x.observation.hands.some((h) => h.landmarks[0]!.y < 0.45))
      expect(raised.length).to.be.greaterThan(5)
      const hand = raised[raised.length - 1]!.observation.hands[0]!
      expect(hand.handedness).to.equal('Right')
      expect(hand.landmarks[0]!.x).to.be.lessThan(0.5)
      for (const x of results) {
        expect(x.timings.landmarksMs).to.be.greaterThan(0)
        expect(x.timings.totalMs).to.be.at.least(x.timings.landmarksMs)
        expect(x.luma).to.be.within(20, 235)
      }
      const stats = r.stats()
      expect(stats.processed).to.equal(results.length)
    } finally {
      r.dispose()
    }
  })

  it('tracks both hands of a two-handed sign (Start ASL "book"), tracking one hand when one is enough', async () => {
    const r = makeRecognizer({ store: makeModelStore(cacheName()), numHands: 2 })
    try {
      await r.ready
      const counts: number[] = []
      for (const { frame, tMs } of await clipFrames(BOOK_CLIP, 0.3, 1.5, 15)) counts.push((await r.process(frame, tMs))?.observation.hands.length ?? -1)
      // A second hand is looked for every 400 ms, so both are tracked well before the sign ends.
      const both = counts.findIndex((n) => n === 2)
      expect(both).to.be.within(0, 8)
      expect(counts.slice(both).filter((n) => n === 2).length).to.be.greaterThan(counts.length - both - 4)
    } finally {
      r.dispose()
    }
  })

  it('drops stale frames: with one frame in the worker, a newer frame replaces the waiting one', async () => {
    const r = makeRecognizer({ mode: 'image', store: makeModelStore(cacheName()) })
    try {
      await r.ready
      const photos = ['A/A1008.jpg', 'B/B1061.jpg', 'C/C1046.jpg', 'L/L106.jpg']
      const bitmaps = await Promise.all(photos.map((f) => bitmapOf(`${PHOTOS}/${f}`)))
      const outcomes = await Promise.all(bitmaps.map((b, i) => r.process(b, i)))
      // The first went straight in; the second and third waited and were replaced; the newest ran.
      expect(outcomes.map((o) => o !== null)).to.deep.equal([true, false, false, true])
      expect(r.stats().dropped).to.equal(2)
    } finally {
      r.dispose()
    }
  })

  it('recognises a playing video live, the newest frame only, never more than one frame in the worker', async () => {
    let outstanding = 0
    let most = 0
    let withHands = 0
    const r = makeRecognizer({
      store: makeModelStore(cacheName()),
      on: { result: (x) => void (withHands += x.observation.hands.length > 0 ? 1 : 0) },
      createWorker: () => {
        // The real worker, with its frame traffic counted.
        const w = new Worker(new URL('./recognizer.worker.ts', import.meta.url), { type: 'module' })
        const post = w.postMessage.bind(w) as (m: unknown, t: Transferable[]) => void
        w.postMessage = ((m: { type?: string }, t: Transferable[]) => {
          if (m?.type === 'frame') most = Math.max(most, ++outstanding)
          post(m, t)
        }) as typeof w.postMessage
        w.addEventListener('message', (e: MessageEvent<{ type: string; seq?: number }>) => {
          if (e.data.type === 'result' || e.data.seq !== undefined) outstanding--
        })
        return w
      },
    })
    const video = document.createElement('video')
    try {
      await r.ready
      video.muted = true
      video.src = URL.createObjectURL(await (await fetch(HELLO_CLIP)).blob())
      const detach = r.attach(video)
      await video.play()
      await new Promise((done) => (video.onended = done))
      detach()
      const stats = r.stats()
      expect(stats.processed).to.be.greaterThan(5)
      expect(withHands).to.be.greaterThan(2)
      expect(most).to.equal(1)
      expect(stats.fps).to.be.greaterThan(0)
    } finally {
      video.pause()
      r.dispose()
    }
  })

  it('restarts a crashed worker and goes on recognising', async () => {
    const workers: Worker[] = []
    const statuses: RecognizerStatus[] = []
    const errors: RecognitionError[] = []
    const r = makeRecognizer({
      mode: 'image',
      store: makeModelStore(cacheName()),
      frameTimeoutMs: 3_000,
      createWorker: () => {
        const w = new Worker(new URL('./recognizer.worker.ts', import.meta.url), { type: 'module' })
        workers.push(w)
        return w
      },
      on: { status: (s) => statuses.push(s), error: (e) => errors.push(e) },
    })
    try {
      await r.ready
      // The worker dies the way a crashed one does: silently, mid-frame.
      const lost = r.process(await bitmapOf(`${PHOTOS}/A/A1008.jpg`), 0)
      workers[0]!.terminate()
      expect(await lost).to.equal(null)
      await waitFor(() => r.status() === 'ready' && workers.length === 2)
      const again = await r.process(await bitmapOf(`${PHOTOS}/L/L106.jpg`), 1)
      expect(again?.observation.hands.length).to.be.greaterThan(0)
      expect(statuses).to.include.members(['restarting', 'ready'])
      expect(errors.map((e) => e.reason)).to.include('worker-crashed')
    } finally {
      r.dispose()
    }
  })
})

async function waitFor(ok: () => boolean, timeoutMs = 60_000) {
  const t0 = performance.now()
  while (!ok()) {
    if (performance.now() - t0 > timeoutMs) throw new Error('timed out waiting')
    await new Promise((done) => setTimeout(done, 50))
  }
}
