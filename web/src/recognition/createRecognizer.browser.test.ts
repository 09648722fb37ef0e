import { expect } from '@esm-bundle/chai'
import { createRoot, createSignal } from 'solid-js'
import { createRecognizer, upsertCaption } from './createRecognizer'
import { makeModelStore } from './modelStore'
import { HELLO_CLIP, requireSharedData } from './testMedia'

async function until(ok: () => boolean, timeoutMs = 60_000) {
  const t0 = performance.now()
  while (!ok()) {
    if (performance.now() - t0 > timeoutMs) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe('createRecognizer (Solid)', () => {
  before(requireSharedData)

  it('exposes status, progress, hands and fps as signals and disposes the engine with its owner', async () => {
    const video = document.createElement('video')
    video.muted = true
    video.loop = true
    video.src = URL.createObjectURL(await (await fetch(HELLO_CLIP)).blob())
    const [el, setEl] = createSignal<HTMLVideoElement | undefined>(undefined)
    const { rec, dispose } = createRoot((dispose) => ({ rec: createRecognizer({ video: el, store: makeModelStore(`t-${Math.random()}`) }), dispose }))
    try {
      expect(rec.status()).to.equal('loading')
      await until(() => rec.status() === 'ready')
      expect(rec.progress()?.loadedBytes).to.equal(rec.progress()?.totalBytes)
      setEl(video)
      await video.play()
      await until(() => (rec.hands()?.hands.length ?? 0) > 0)
      await until(() => rec.fps() > 0)
      expect(rec.info()?.landmarker.delegate).to.equal('CPU')
    } finally {
      dispose()
      video.pause()
    }
    expect(rec.recognizer.status()).to.equal('disposed')
  })
})

describe('the caption list', () => {
  const e = (id: string, text: string, final: boolean) => ({ v: 1 as const, id, text, kind: 'letter' as const, confidence: 0.9, tStart: 0, tEnd: 1, final })

  it('replaces an interim by its update and its final, in place', () => {
    let list = upsertCaption([], e('a', 'H', false), 10)
    list = upsertCaption(list, e('b', 'hello', true), 10)
    list = upsertCaption(list, e('a', 'HI', true), 10)
    expect(list.map((c) => [c.id, c.text, c.final])).to.deep.equal([
      ['a', 'HI', true],
      ['b', 'hello', true],
    ])
  })

  it('drops a caption withdrawn by an empty final, and keeps only the newest', () => {
    let list = upsertCaption([], e('a', 'yes', false), 2)
    list = upsertCaption(list, e('a', '', true), 2)
    expect(list).to.deep.equal([])
    for (const id of ['x', 'y', 'z']) list = upsertCaption(list, e(id, id, true), 2)
    expect(list.map((c) => c.id)).to.deep.equal(['y', 'z'])
  })
})
