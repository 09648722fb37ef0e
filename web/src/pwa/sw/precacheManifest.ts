/**
 * @module The precache manifest the build writes into the service worker (web/build/pwaPrecache.ts
 * makes it; this is the same shape, declared for the worker's side).
 */

export type AssetKind = 'html' | 'js' | 'css' | 'wasm' | 'model' | 'icon' | 'other'

export type PrecacheEntry = {
  url: string
  bytes: number
  sha256: string
  kind: AssetKind
  /** `shell`: this version's cache, by URL. `models`: the model store's cache, by `url?sha256=`. */
  store: 'shell' | 'models'
}

export type PrecacheManifest = {
  version: string
  entries: PrecacheEntry[]
  /** Every model file of this build as a model-store key, precached or not: what pruning keeps. */
  modelKeys: string[]
}

/** The recogniser's model cache (web/src/recognition/modelStore.ts MODEL_CACHE). */
export const MODEL_CACHE = 'silenttalk-models-v1'
const SHELL_PREFIX = 'silenttalk-shell-'
const RUNTIME_PREFIX = 'silenttalk-runtime-'

export const shellCacheName = (version: string) => `${SHELL_PREFIX}${version}`
/** Runtimes fetched on first use (full landmarker, WebGPU build of onnxruntime), per version. */
export const runtimeCacheName = (version: string) => `${RUNTIME_PREFIX}${version}`

/** Same format as the model store's keys. */
export const modelCacheKey = (url: string, sha256: string) => `${url}?sha256=${sha256}`

/** Caches an older version left behind; other apps' and the model store's caches are not ours to drop. */
export function staleCaches(names: readonly string[], version: string): string[] {
  return names.filter(
    (n) => (n.startsWith(SHELL_PREFIX) && n !== shellCacheName(version)) || (n.startsWith(RUNTIME_PREFIX) && n !== runtimeCacheName(version)),
  )
}

/**
 * Model-store entries to delete: model files (`?sha256=` keys) that no longer belong to this build.
 * Entries without a checksum (manifests, fetched network-first by the model store) stay.
 */
export function staleModelKeys(keys: readonly string[], manifest: Pick<PrecacheManifest, 'modelKeys'>, origin: string): string[] {
  const keep = new Set(manifest.modelKeys)
  return keys.filter((k) => {
    const u = new URL(k, origin)
    if (!u.searchParams.has('sha256')) return false
    return !keep.has(`${u.pathname}${u.search}`)
  })
}

/**
 * What to download at install. With the browser's data saver on (Save-Data), only the app shell:
 * the recognition runtimes and models (tens of MB) are then cached the first time practice or sign
 * captions use them, so a call link opened on a metered connection does not fetch them unasked.
 */
export function entriesToInstall(entries: readonly PrecacheEntry[], saveData: boolean): PrecacheEntry[] {
  return saveData ? entries.filter((e) => e.kind !== 'wasm' && e.kind !== 'model') : [...entries]
}
