/**
 * @module What the service worker downloads when it installs, decided from the files of a build:
 * the app shell (index.html, the bundle, the web app manifest and icons), the recogniser's runtimes
 * and the models, each with its size and sha256, under a version that changes whenever any of them
 * does. The service worker (web/src/pwa/sw/) declares the same shape as `PrecacheManifest`.
 */
import { createHash } from 'node:crypto'

export type BuiltFile = { url: string; bytes: number; sha256: string }

/** For the first-load figures (bench:pwa) and the progress shown while installing. */
export type AssetKind = 'html' | 'js' | 'css' | 'wasm' | 'model' | 'icon' | 'other'

export type PrecacheEntry = BuiltFile & {
  kind: AssetKind
  /**
   * `shell`: the service worker's versioned cache, keyed by URL. `models`: the recogniser's model
   * cache (web/src/recognition/modelStore.ts), keyed by URL and sha256 as the model store keys
   * them, so the recogniser finds the bytes there and they are stored once.
   */
  store: 'shell' | 'models'
}

export type PrecacheManifest = {
  version: string
  entries: PrecacheEntry[]
  /** Model files of this build that are not precached but may be cached on use (`url?sha256=…` keys). */
  modelKeys: string[]
}

/**
 * Files not precached: source maps, the service worker itself, Workers' `_headers`, and the
 * runtimes this device may never use. The recogniser uses the lite hand landmarker unless asked
 * (makeRecognizer's default), and onnxruntime's JSPI build only for WebGPU on real hardware
 * (17.9 MB); those are cached when first used instead.
 */
const NOT_PRECACHED: readonly RegExp[] = [/\.map$/, /^\/sw\.js$/, /^\/_headers$/, /^\/_redirects$/, /\.jspi\.(mjs|wasm)$/, /^\/models\/handlandmarker\/hand_landmarker_full\.task$/]

const MODEL_BINARY = /^\/models\/.+\.(task|onnx)$/

export function assetKind(url: string): AssetKind {
  if (url.endsWith('.html')) return 'html'
  if (/\.m?js$/.test(url)) return 'js'
  if (url.endsWith('.css')) return 'css'
  if (url.endsWith('.wasm')) return 'wasm'
  if (url.startsWith('/models/')) return 'model'
  if (url.startsWith('/icons/') || url.endsWith('.webmanifest')) return 'icon'
  return 'other'
}

/** The model store's cache key for a model file (same format as modelStore.ts `key`). */
export const modelCacheKey = (url: string, sha256: string) => `${url}?sha256=${sha256}`

export function precachePlan(files: readonly BuiltFile[]): PrecacheManifest {
  const sorted = [...files].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
  const entries: PrecacheEntry[] = sorted
    .filter((f) => !NOT_PRECACHED.some((re) => re.test(f.url)))
    .map((f) => ({
      ...f,
      // Workers static assets redirect /index.html to /; the shell is cached as the page it serves.
      url: f.url === '/index.html' ? '/' : f.url,
      kind: assetKind(f.url),
      store: MODEL_BINARY.test(f.url) ? 'models' : 'shell',
    }))
  const modelKeys = sorted.filter((f) => MODEL_BINARY.test(f.url)).map((f) => modelCacheKey(f.url, f.sha256))
  const version = createHash('sha256')
    .update(entries.map((e) => `${e.url} ${e.sha256}`).join('\n'))
    .digest('hex')
    .slice(0, 16)
  return { version, entries, modelKeys }
}
