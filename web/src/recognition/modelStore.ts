/**
 * @module Fetches model files lazily, with byte progress for a visible progress bar, and keeps them
 * in Cache Storage so recognition works offline after the first visit. Manifests are fetched
 * network-first (a new model version is picked up when online); model bytes are cache-first, keyed
 * by their sha256, so a new version never collides with an old cached one.
 *
 * The service worker (web/src/pwa/sw/sw.ts) precaches the build's model files into this same cache
 * under the same `url?sha256=` keys, so after the first visit they are found here even offline and
 * stored once; on an update it deletes the keys the new build no longer lists.
 */
import { RecognitionError } from './errors'

export type ByteProgress = { url: string; loadedBytes: number; totalBytes: number | null; fromCache: boolean }

export type FetchBytesOptions = {
  /** From a manifest: the cache key includes it, and the caller verifies the bytes against it. */
  sha256?: string
  expectedBytes?: number
  onProgress?: (p: ByteProgress) => void
}

export type ModelStore = {
  fetchJson(url: string): Promise<unknown>
  fetchBytes(url: string, opts?: FetchBytesOptions): Promise<{ bytes: ArrayBuffer; fromCache: boolean }>
  /** Drops a cached file (e.g. one that failed verification) so the next fetch goes to the network. */
  evict(url: string, sha256?: string): Promise<void>
  /** Problems that did not stop loading, such as a full disk: the model works but not offline. */
  warnings: RecognitionError[]
}

export const MODEL_CACHE = 'silenttalk-models-v1'

export function makeModelStore(cacheName = MODEL_CACHE): ModelStore {
  const warnings: RecognitionError[] = []
  const open = async () => (typeof caches === 'undefined' ? null : caches.open(cacheName).catch(() => null))
  const key = (url: string, sha256?: string) => (sha256 ? `${url}?sha256=${sha256}` : url)

  async function put(url: string, response: Response) {
    const cache = await open()
    try {
      await cache?.put(url, response)
    } catch (e) {
      warnings.push(e instanceof DOMException && e.name === 'QuotaExceededError' ? RecognitionError.storageFull(e) : RecognitionError.modelMissing(url, e))
    }
  }

  return {
    warnings,

    async fetchJson(url) {
      const cache = await open()
      let response: Response | undefined
      try {
        response = await fetch(url, { cache: 'no-cache' })
      } catch (e) {
        response = await cache?.match(url)
        if (!response) throw RecognitionError.modelMissing(url, e)
      }
      if (!response.ok) {
        const cached = await cache?.match(url)
        if (!cached) throw RecognitionError.modelMissing(`${url} (HTTP ${response.status})`)
        response = cached
      } else {
        await put(url, response.clone())
      }
      try {
        return await response.json()
      } catch (e) {
        throw RecognitionError.manifestInvalid(`${url} is not JSON: ${e instanceof Error ? e.message : String(e)}`)
      }
    },

    async fetchBytes(url, opts = {}) {
      const cache = await open()
      const k = key(url, opts.sha256)
      const cached = await cache?.match(k)
      if (cached) {
        const bytes = await cached.arrayBuffer()
        opts.onProgress?.({ url, loadedBytes: bytes.byteLength, totalBytes: bytes.byteLength, fromCache: true })
        return { bytes, fromCache: true }
      }
      let response: Response
      try {
        response = await fetch(url)
      } catch (e) {
        throw RecognitionError.modelMissing(url, e)
      }
      if (!response.ok || !response.body) throw RecognitionError.modelMissing(`${url} (HTTP ${response.status})`)
      const header = Number(response.headers.get('content-length'))
      const total = opts.expectedBytes ?? (header > 0 ? header : null)
      const bytes = await readWithProgress(response.body, url, total, opts.onProgress)
      await put(k, new Response(bytes, { headers: { 'content-type': 'application/octet-stream' } }))
      return { bytes, fromCache: false }
    },

    async evict(url, sha256) {
      await (await open())?.delete(key(url, sha256))
    },
  }
}

async function readWithProgress(body: ReadableStream<Uint8Array>, url: string, total: number | null, onProgress?: (p: ByteProgress) => void) {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let loaded = 0
  onProgress?.({ url, loadedBytes: 0, totalBytes: total, fromCache: false })
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>
    try {
      step = await reader.read()
    } catch (e) {
      throw RecognitionError.modelMissing(url, e)
    }
    if (step.done) break
    chunks.push(step.value)
    loaded += step.value.byteLength
    onProgress?.({ url, loadedBytes: loaded, totalBytes: total, fromCache: false })
  }
  const out = new Uint8Array(loaded)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.byteLength
  }
  return out.buffer
}
