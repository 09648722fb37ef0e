/**
 * @module The service worker: keeps SilentTalk working with no network after the first visit.
 *
 * - install: downloads the build's precache manifest (app shell, recogniser runtimes, hand
 *   landmarker, models), checks every file against its sha256, and reports progress to the pages.
 *   Files an older version already holds with the same checksum are copied, not downloaded again.
 * - activate: drops the caches of older versions and model files no longer in the build, then
 *   takes control of open pages.
 * - fetch: pages get the cached app shell (any path: the router is client-side); precached files
 *   come from cache; runtimes first needed later are cached on use; /api, /rooms and /health always
 *   go to the network (route.ts).
 * - updates: a new version waits until the user accepts the reload prompt, which posts
 *   `skip-waiting` (web/src/pwa/makeServiceWorker.ts).
 *
 * Built by web/build/pwa.ts as a classic script (`sw.js`), with `__PRECACHE__` replaced by the
 * manifest of the build it belongs to, so every build that changes a file changes this script
 * and the browser sees an update.
 */
import { entriesToInstall, MODEL_CACHE, modelCacheKey, runtimeCacheName, shellCacheName, staleCaches, staleModelKeys, type PrecacheEntry, type PrecacheManifest } from './precacheManifest'
import { routeRequest } from './route'
import type { FromServiceWorker, ToServiceWorker } from '../swMessages'

declare const self: ServiceWorkerGlobalScope
declare const __PRECACHE__: PrecacheManifest

const MANIFEST = __PRECACHE__
const BY_URL = new Map(MANIFEST.entries.map((e) => [e.url, e]))
const SHELL = shellCacheName(MANIFEST.version)
const RUNTIME = runtimeCacheName(MANIFEST.version)
/** Chromium's Network Information API; absent elsewhere, which means no data saver. */
const saveData = () => (self.navigator as WorkerNavigator & { connection?: { saveData?: boolean } }).connection?.saveData === true
const INSTALL = entriesToInstall(MANIFEST.entries, saveData())
const TOTAL_BYTES = INSTALL.reduce((n, e) => n + e.bytes, 0)
/** Downloads at once: enough to hide latency, few enough that the app's own requests still get through. */
const PARALLEL_DOWNLOADS = 4
/** Progress messages at most this often. */
const PROGRESS_INTERVAL_MS = 200
/** Header kept on cached shell responses, so a later version can tell an unchanged file. */
const SHA_HEADER = 'x-silenttalk-sha256'

class PrecacheFailure extends Error {
  constructor(
    readonly reason: 'storage-full' | 'network' | 'integrity',
    message: string,
  ) {
    super(message)
  }
}

async function tell(message: FromServiceWorker) {
  const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true })
  for (const page of pages) page.postMessage(message)
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    precacheAll().catch(async (e: unknown) => {
      const failure = e instanceof PrecacheFailure ? e : new PrecacheFailure(isQuotaError(e) ? 'storage-full' : 'network', String(e))
      await tell({ type: 'precache-failed', version: MANIFEST.version, reason: failure.reason, message: failure.message })
      // A failed install leaves the old version (or none) in charge; the browser tries again later.
      throw failure
    }),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of staleCaches(await caches.keys(), MANIFEST.version)) await caches.delete(name)
      const models = await caches.open(MODEL_CACHE)
      const keys = (await models.keys()).map((r) => r.url)
      for (const key of staleModelKeys(keys, MANIFEST, self.location.origin)) await models.delete(key)
      await self.clients.claim()
      await tell({ type: 'activated', version: MANIFEST.version })
    })(),
  )
})

self.addEventListener('message', (event) => {
  const data = event.data as ToServiceWorker | undefined
  if (data?.type === 'skip-waiting') void self.skipWaiting()
  else if (data?.type === 'get-version') event.source?.postMessage({ type: 'version', version: MANIFEST.version, totalBytes: TOTAL_BYTES } satisfies FromServiceWorker)
})

self.addEventListener('fetch', (event) => {
  const { request } = event
  const route = routeRequest({ method: request.method, url: request.url, mode: request.mode }, self.location.origin, BY_URL)
  switch (route.kind) {
    case 'bypass':
      return
    case 'app-shell':
      return event.respondWith(appShell(request))
    case 'precache':
      return event.respondWith(fromPrecache(request, route.entry))
    case 'runtime':
      return event.respondWith(cacheOnUse(request))
  }
})

async function appShell(request: Request): Promise<Response> {
  const cached = await (await caches.open(SHELL)).match('/')
  return cached ?? fetch(request)
}

async function fromPrecache(request: Request, entry: PrecacheEntry): Promise<Response> {
  const cache = await caches.open(entry.store === 'models' ? MODEL_CACHE : SHELL)
  const key = entry.store === 'models' ? modelCacheKey(entry.url, entry.sha256) : entry.url
  const cached = await cache.match(key)
  if (cached) return cached
  // Not installed (data saver) or dropped by the browser: fetch it, and keep it for next time
  // unchecked; the recogniser verifies model bytes against their manifest when it loads them.
  const response = await fetch(request)
  if (response.status === 200) await cache.put(key, response.clone()).catch(() => {})
  return response
}

async function cacheOnUse(request: Request): Promise<Response> {
  const cache = await caches.open(RUNTIME)
  const cached = await cache.match(request.url, { ignoreSearch: true })
  if (cached) return cached
  const response = await fetch(request)
  if (response.ok && response.status === 200) {
    // A full disk costs offline use of this file, not the request.
    await cache.put(new URL(request.url).pathname, response.clone()).catch(() => {})
  }
  return response
}

async function precacheAll() {
  const shell = await caches.open(SHELL)
  const models = await caches.open(MODEL_CACHE)
  const older = (await caches.keys()).filter((n) => n.startsWith('silenttalk-shell-') && n !== SHELL)
  let loaded = 0
  let lastReport = 0
  const progress = (bytes: number) => {
    loaded += bytes
    const now = Date.now()
    if (now - lastReport < PROGRESS_INTERVAL_MS && loaded < TOTAL_BYTES) return
    lastReport = now
    void tell({ type: 'precache-progress', version: MANIFEST.version, loadedBytes: loaded, totalBytes: TOTAL_BYTES })
  }

  const one = async (entry: PrecacheEntry) => {
    const cache = entry.store === 'models' ? models : shell
    const key = entry.store === 'models' ? modelCacheKey(entry.url, entry.sha256) : entry.url
    const have = await cache.match(key)
    if (have && (entry.store === 'models' || have.headers.get(SHA_HEADER) === entry.sha256)) return progress(entry.bytes)
    for (const name of older) {
      const old = await (await caches.open(name)).match(entry.url)
      if (old?.headers.get(SHA_HEADER) === entry.sha256) {
        await put(cache, key, old)
        return progress(entry.bytes)
      }
    }
    await put(cache, key, await download(entry, progress))
  }

  // Small files first, so the shell is ready before the large runtimes finish.
  const queue = [...INSTALL].sort((a, b) => a.bytes - b.bytes)
  await Promise.all(
    Array.from({ length: PARALLEL_DOWNLOADS }, async () => {
      for (let e = queue.shift(); e; e = queue.shift()) await one(e)
    }),
  )
  await tell({ type: 'precache-done', version: MANIFEST.version, totalBytes: TOTAL_BYTES })
}

/** Fetches one file past the HTTP cache, counting bytes as they arrive, and checks its sha256. */
async function download(entry: PrecacheEntry, progress: (bytes: number) => void): Promise<Response> {
  let response: Response
  try {
    response = await fetch(entry.url, { cache: 'no-cache' })
  } catch (e) {
    throw new PrecacheFailure('network', `${entry.url}: ${String(e)}`)
  }
  if (!response.ok || !response.body) throw new PrecacheFailure('network', `${entry.url}: HTTP ${response.status}`)
  const reader = response.body.getReader()
  const bytes = new Uint8Array(entry.bytes)
  let at = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    if (at + value.byteLength > bytes.byteLength) throw new PrecacheFailure('integrity', `${entry.url} is larger than the ${entry.bytes} bytes of this build`)
    bytes.set(value, at)
    at += value.byteLength
    progress(value.byteLength)
  }
  const digest = hex(await crypto.subtle.digest('SHA-256', bytes))
  // A different file means a newer deployment went out mid-install: this version cannot be
  // assembled, so the install fails and the browser installs the newer service worker instead.
  if (at !== entry.bytes || digest !== entry.sha256) throw new PrecacheFailure('integrity', `${entry.url} does not match this build`)
  const headers = new Headers(response.headers)
  headers.set(SHA_HEADER, entry.sha256)
  // A new Response: a redirected one may not answer a navigation, and its headers are kept as served (CSP).
  return new Response(bytes, { status: 200, statusText: 'OK', headers })
}

async function put(cache: Cache, key: string, response: Response) {
  try {
    await cache.put(key, response)
  } catch (e) {
    throw isQuotaError(e) ? new PrecacheFailure('storage-full', 'no room left to keep SilentTalk for offline use') : e
  }
}

const isQuotaError = (e: unknown) => e instanceof DOMException && e.name === 'QuotaExceededError'

const hex = (buf: ArrayBuffer) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('')
