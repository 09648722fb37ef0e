/**
 * @module Fetches what the recogniser needs before it can start: the hand landmarker bundle and the
 * chosen classifier models, through the model store (cached for offline use), reporting progress
 * over all of them as one byte count for one progress bar.
 */
import { handLandmarkerIndexUrl, handLandmarkerTaskUrl, modelFileUrl, modelManifestUrl, type LandmarkerVariant } from './assetPaths'
import { RecognitionError } from './errors'
import type { ModelStore } from './modelStore'

export type LoadProgress = {
  loadedBytes: number
  /** Known once the manifests are in; null before. */
  totalBytes: number | null
  /** True when everything so far came from the offline cache. */
  fromCache: boolean
}

export type LoadedModel = { id: string; manifest: unknown; bytes: ArrayBuffer; url: string; sha256: string; fromCache: boolean }
export type LoadedAssets = { task: { bytes: ArrayBuffer; sha256: string }; models: LoadedModel[]; failures: RecognitionError[] }

type TasksIndex = Record<LandmarkerVariant, { file: string; bytes: number; sha256: string }>
type ManifestFile = { path: string; bytes: number; sha256: string }

/**
 * Loads the landmarker and every model it can. A model that fails (missing, bad manifest) is
 * reported in `failures` and left out, so recognition still starts with what there is; a missing
 * landmarker is fatal.
 */
export async function loadRecognitionAssets(
  store: ModelStore,
  variant: LandmarkerVariant,
  modelIds: readonly string[],
  onProgress?: (p: LoadProgress) => void,
): Promise<LoadedAssets> {
  const index = (await store.fetchJson(handLandmarkerIndexUrl())) as Partial<TasksIndex>
  const entry = index[variant]
  if (!entry || typeof entry.sha256 !== 'string') throw RecognitionError.modelMissing(`${handLandmarkerIndexUrl()} (no ${variant} entry)`)

  const failures: RecognitionError[] = []
  const manifests: { id: string; manifest: unknown; file: ManifestFile }[] = []
  for (const id of modelIds) {
    try {
      const manifest = await store.fetchJson(modelManifestUrl(id))
      manifests.push({ id, manifest, file: onnxEntry(id, manifest) })
    } catch (e) {
      failures.push(e instanceof RecognitionError ? e : RecognitionError.modelMissing(modelManifestUrl(id), e))
    }
  }

  const total = entry.bytes + manifests.reduce((n, m) => n + m.file.bytes, 0)
  const loaded = new Map<string, number>()
  let allCached = true
  const report = (url: string, bytes: number, fromCache: boolean) => {
    loaded.set(url, bytes)
    allCached &&= fromCache
    onProgress?.({ loadedBytes: [...loaded.values()].reduce((a, b) => a + b, 0), totalBytes: total, fromCache: allCached })
  }

  const taskUrl = handLandmarkerTaskUrl(variant)
  const task = await store.fetchBytes(taskUrl, {
    sha256: entry.sha256,
    expectedBytes: entry.bytes,
    onProgress: (p) => report(taskUrl, p.loadedBytes, p.fromCache),
  })

  const models: LoadedModel[] = []
  for (const m of manifests) {
    const url = modelFileUrl(m.id, m.file.path)
    try {
      const got = await store.fetchBytes(url, {
        sha256: m.file.sha256,
        expectedBytes: m.file.bytes,
        onProgress: (p) => report(url, p.loadedBytes, p.fromCache),
      })
      models.push({ id: m.id, manifest: m.manifest, bytes: got.bytes, url, sha256: m.file.sha256, fromCache: got.fromCache })
    } catch (e) {
      failures.push(e instanceof RecognitionError ? e : RecognitionError.modelMissing(url, e))
    }
  }
  return { task: { bytes: task.bytes, sha256: entry.sha256 }, models, failures }
}

/** The manifest's .onnx file, read loosely here; the worker validates the whole manifest. */
function onnxEntry(id: string, manifest: unknown): ManifestFile {
  const files = (manifest as { files?: unknown })?.files
  const file = Array.isArray(files) ? files.find((f) => typeof f?.path === 'string' && f.path.endsWith('.onnx')) : undefined
  if (!file || typeof file.bytes !== 'number' || typeof file.sha256 !== 'string' || !/^[A-Za-z0-9._-]+$/.test(file.path)) {
    throw RecognitionError.manifestInvalid(`${modelManifestUrl(id)} lists no usable .onnx file`)
  }
  return file as ManifestFile
}
