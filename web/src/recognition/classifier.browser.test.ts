import { expect } from '@esm-bundle/chai'
import { sha256Hex } from './classifier'
import type { RecognitionError } from './errors'
import { makeRecognizer, type RecognizerOptions } from './makeRecognizer'
import { makeModelStore, type ModelStore } from './modelStore'
import { bitmapOf, PHOTOS, requireSharedData } from './testMedia'
import { linearSoftmaxOnnx, testLetterModel } from './testOnnx'

/** The app's store for everything real (landmarker), plus one model served from memory. */
function storeWith(manifest: unknown, bytes: Uint8Array): ModelStore {
  const real = makeModelStore(`test-${Math.random().toString(36).slice(2)}`)
  const id = (manifest as { id: string }).id
  return {
    ...real,
    fetchJson: (url) => (url === `/models/${id}/manifest.json` ? Promise.resolve(manifest) : real.fetchJson(url)),
    fetchBytes: (url, opts) => (url.startsWith(`/models/${id}/`) ? Promise.resolve({ bytes: bytes.slice().buffer, fromCache: false }) : real.fetchBytes(url, opts)),
  }
}

async function start(manifest: unknown, bytes: Uint8Array, opts: Partial<RecognizerOptions> = {}) {
  const errors: RecognitionError[] = []
  const r = makeRecognizer({ mode: 'image', captionMode: 'letters', models: [(manifest as { id: string }).id], store: storeWith(manifest, bytes), on: { error: (e) => errors.push(e) }, ...opts })
  return { r, ready: await r.ready, errors }
}

describe('the classifier in the recognition worker', () => {
  before(requireSharedData)

  it('runs the model on WASM, not on a software WebGPU adapter, and says why', async () => {
    const { manifest, bytes } = await testLetterModel()
    const { r, ready, errors } = await start(manifest, bytes)
    try {
      const [model] = ready.models
      expect(model?.backend).to.equal('wasm')
      const wasm = model?.backends.find((b) => b.kind === 'wasm')
      const webgpu = model?.backends.find((b) => b.kind === 'webgpu')
      expect(wasm && 'msPerCall' in wasm ? wasm.msPerCall : NaN).to.be.greaterThan(0)
      expect(webgpu && 'skipped' in webgpu ? webgpu.skipped : '').to.match(/fallback adapter/)
      expect(errors.map((e) => e.reason)).to.deep.equal(['no-webgpu'])
    } finally {
      r.dispose()
    }
  })

  it('runs on WebGPU when asked, through the JSPI build (the one that fits a Workers asset)', async () => {
    const { manifest, bytes } = await testLetterModel()
    const { r, ready } = await start(manifest, bytes, { backend: 'webgpu' })
    try {
      expect(ready.models[0]?.backend).to.equal('webgpu')
      const result = await r.process(await bitmapOf(`${PHOTOS}/L/L106.jpg`), 0)
      expect(result?.letters).to.have.length(3)
    } finally {
      r.dispose()
    }
  })

  it('gives the letter scores for the hand it sees, from the shared letter features', async () => {
    const { manifest, bytes } = await testLetterModel()
    const { r } = await start(manifest, bytes)
    try {
      const seen = await r.process(await bitmapOf(`${PHOTOS}/L/L106.jpg`), 0)
      expect(seen?.letters).to.have.length(3)
      const [a, b, c] = seen!.letters
      expect(manifest.labels).to.include(a!.label)
      expect(a!.p).to.be.at.least(b!.p)
      expect(b!.p).to.be.at.least(c!.p)
      expect(a!.p + b!.p + c!.p).to.be.at.most(1.0001)
      expect(seen!.timings.classifierMs).to.be.greaterThan(0)
      const nothing = await r.process(await bitmapOf(`${PHOTOS}/nothing/nothing1001.jpg`), 1)
      expect(nothing?.letters).to.deep.equal([])
    } finally {
      r.dispose()
    }
  })

  it('turns a letter held in view into a caption event timed in epoch ms from the frame clock', async () => {
    // A confident classifier (large random weights): the same photo always reads as one letter.
    const { manifest, bytes } = await testLetterModel({}, 40)
    const { r } = await start(manifest, bytes, { mode: 'video' })
    try {
      const photo = await bitmapOf(`${PHOTOS}/L/L106.jpg`)
      const t0 = performance.now()
      const captions = []
      for (let i = 0; i < 20; i++) {
        const frame = await createImageBitmap(photo)
        captions.push(...((await r.process(frame, t0 + i * 33))?.captions ?? []))
      }
      captions.push(...(await r.flush()))
      const final = captions.find((c) => c.final)
      expect(final, 'a final letter caption').to.not.equal(undefined)
      expect(final!.kind).to.equal('letter')
      expect(final!.text).to.match(/^[A-Z]+$/)
      expect(final!.v).to.equal(1)
      // Frame times are performance.now(); captions are epoch ms: within this test's run of wall time.
      expect(final!.tStart).to.be.within(performance.timeOrigin + t0 - 1, Date.now())
      expect(final!.tEnd).to.be.within(final!.tStart, performance.timeOrigin + t0 + 20 * 33)
      expect(captions.filter((c) => c.id === final!.id && !c.final).length).to.be.greaterThan(0)
    } finally {
      r.dispose()
    }
  })

  it('refuses a model file whose bytes do not match its manifest (model-corrupt), and still tracks hands', async () => {
    const { manifest, bytes } = await testLetterModel()
    const corrupt = bytes.slice()
    corrupt[corrupt.length >> 1] = (corrupt[corrupt.length >> 1] as number) ^ 0xff
    const { r, ready, errors } = await start(manifest, corrupt)
    try {
      expect(ready.models).to.deep.equal([])
      expect(errors.map((e) => e.reason)).to.include('model-corrupt')
      const seen = await r.process(await bitmapOf(`${PHOTOS}/L/L106.jpg`), 0)
      expect(seen?.observation.hands.length).to.be.greaterThan(0)
      expect(seen?.letters).to.deep.equal([])
    } finally {
      r.dispose()
    }
  })

  it('refuses bytes that match the manifest but are not a model the runtime can load (model-corrupt)', async () => {
    const junk = Uint8Array.from({ length: 512 }, (_, i) => (i * 37) & 0xff)
    const { manifest } = await testLetterModel()
    const { r, ready, errors } = await start({ ...manifest, files: [{ path: 'model.onnx', bytes: junk.length, sha256: await sha256Hex(junk) }] }, junk)
    try {
      expect(ready.models).to.deep.equal([])
      expect(errors.map((e) => e.reason)).to.include('model-corrupt')
    } finally {
      r.dispose()
    }
  })

  it('refuses a model trained on another feature version', async () => {
    const { manifest, bytes } = await testLetterModel({ featureVersion: 999 })
    const { r, ready, errors } = await start(manifest, bytes)
    try {
      expect(ready.models).to.deep.equal([])
      const e = errors.find((x) => x.reason === 'feature-version')
      expect(e?.message).to.match(/v999/)
    } finally {
      r.dispose()
    }
  })

  it('refuses a model whose input does not fit the features it would be given', async () => {
    const wrong = linearSoftmaxOnnx(40, 26)
    const { manifest } = await testLetterModel()
    const { r, ready, errors } = await start({ ...manifest, inputShape: [1, 40], files: [{ path: 'model.onnx', bytes: wrong.length, sha256: await sha256Hex(wrong) }] }, wrong)
    try {
      expect(ready.models).to.deep.equal([])
      expect(errors.map((e) => e.reason)).to.include('manifest-invalid')
    } finally {
      r.dispose()
    }
  })
})
