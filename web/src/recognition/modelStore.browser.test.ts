import { expect } from '@esm-bundle/chai'
import { handLandmarkerIndexUrl, handLandmarkerTaskUrl } from './assetPaths'
import { makeModelStore, type ByteProgress } from './modelStore'

const freshCache = () => `test-store-${Math.random().toString(36).slice(2)}`

describe('model store', () => {
  it('downloads a model with byte progress up to its full size', async () => {
    const index = (await (await fetch(handLandmarkerIndexUrl())).json()) as { lite: { bytes: number; sha256: string } }
    const progress: ByteProgress[] = []
    const store = makeModelStore(freshCache())
    const got = await store.fetchBytes(handLandmarkerTaskUrl('lite'), { sha256: index.lite.sha256, expectedBytes: index.lite.bytes, onProgress: (p) => progress.push(p) })
    expect(got.fromCache).to.equal(false)
    expect(got.bytes.byteLength).to.equal(index.lite.bytes)
    expect(progress.length).to.be.greaterThan(1)
    expect(progress.every((p) => p.totalBytes === index.lite.bytes)).to.equal(true)
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.loadedBytes).to.be.at.least(progress[i - 1]!.loadedBytes)
    expect(progress[progress.length - 1]!.loadedBytes).to.equal(index.lite.bytes)
  })

  it('keeps a downloaded model in Cache Storage and reads it from there next time (offline use)', async () => {
    const name = freshCache()
    const index = (await (await fetch(handLandmarkerIndexUrl())).json()) as { lite: { bytes: number; sha256: string } }
    const opts = { sha256: index.lite.sha256, expectedBytes: index.lite.bytes }
    await makeModelStore(name).fetchBytes(handLandmarkerTaskUrl('lite'), opts)
    const again = await makeModelStore(name).fetchBytes(handLandmarkerTaskUrl('lite'), opts)
    expect(again.fromCache).to.equal(true)
    expect(again.bytes.byteLength).to.equal(index.lite.bytes)
    const cache = await caches.open(name)
    expect(await cache.match(`${handLandmarkerTaskUrl('lite')}?sha256=${index.lite.sha256}`)).to.not.equal(undefined)
    await caches.delete(name)
  })

  it('keys cached bytes by checksum, so a new model version is downloaded, not served stale', async () => {
    const name = freshCache()
    const cache = await caches.open(name)
    await cache.put(`${handLandmarkerTaskUrl('lite')}?sha256=old`, new Response(new Uint8Array([1, 2, 3])))
    const got = await makeModelStore(name).fetchBytes(handLandmarkerTaskUrl('lite'), { sha256: 'new' })
    expect(got.fromCache).to.equal(false)
    expect(got.bytes.byteLength).to.be.greaterThan(3)
    await caches.delete(name)
  })

  it('serves a manifest from the cache when the network cannot', async () => {
    const name = freshCache()
    const url = '/models/gone-model/manifest.json'
    await (await caches.open(name)).put(url, new Response(JSON.stringify({ id: 'gone-model' })))
    expect(await makeModelStore(name).fetchJson(url)).to.deep.equal({ id: 'gone-model' })
    await caches.delete(name)
  })

  it('says model-missing for a file that is not there', async () => {
    const err = await makeModelStore(freshCache())
      .fetchBytes('/models/no-such-model/model.onnx')
      .catch((e: unknown) => e)
    expect((err as { reason?: string }).reason).to.equal('model-missing')
  })

  it('evicts a cached file so the next fetch goes to the network', async () => {
    const name = freshCache()
    const store = makeModelStore(name)
    const url = handLandmarkerIndexUrl()
    await store.fetchBytes(url, { sha256: 'x' })
    expect((await store.fetchBytes(url, { sha256: 'x' })).fromCache).to.equal(true)
    await store.evict(url, 'x')
    expect((await store.fetchBytes(url, { sha256: 'x' })).fromCache).to.equal(false)
    await caches.delete(name)
  })
})
