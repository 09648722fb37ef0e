// @ts-check
/**
 * @module The files the recogniser loads at run time, by the URL it loads them from
 * (web/src/recognition/assetPaths.ts). Plain JavaScript because both the Vite plugin
 * (recognitionAssets.ts) and web-test-runner.config.mjs, which Node loads untranspiled, use it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** Cloudflare Workers static assets: at most 25 MiB per file. */
export const MAX_ASSET_BYTES = 25 * 1024 * 1024

const MEDIAPIPE_FILES = ['vision_wasm_module_internal.js', 'vision_wasm_module_internal.wasm']
/**
 * onnxruntime-web builds the recogniser uses: the plain SIMD+threads build for WASM, and the JSPI
 * build for WebGPU (17.9 MB). The asyncify/JSEP WebGPU builds (28-30 MB) exceed a Workers asset.
 */
const ORT_FILES = ['ort-wasm-simd-threaded.mjs', 'ort-wasm-simd-threaded.wasm', 'ort-wasm-simd-threaded.jspi.mjs', 'ort-wasm-simd-threaded.jspi.wasm']
const HAND_LANDMARKER_FILES = ['tasks.json', 'hand_landmarker_lite.task', 'hand_landmarker_full.task']
const MODEL_ID = /^[a-z0-9-]+$/
const MODEL_FILE = /^[A-Za-z0-9._-]+$/

/**
 * @param {string} repoRoot
 * @returns {Map<string, string>} URL path → absolute file path
 */
export function recognitionAssetFiles(repoRoot) {
  const require = createRequire(join(repoRoot, 'package.json'))
  // Resolved through files the packages export (neither exports its package.json).
  const mediapipe = dirname(require.resolve('@mediapipe/tasks-vision/vision_wasm_module_internal.wasm'))
  const ort = dirname(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm'))
  const files = new Map()
  for (const f of MEDIAPIPE_FILES) files.set(`/recognition/mediapipe/${f}`, join(mediapipe, f))
  for (const f of ORT_FILES) files.set(`/recognition/ort/${f}`, join(ort, f))
  const built = join(repoRoot, 'models/handlandmarker/build')
  for (const f of HAND_LANDMARKER_FILES) files.set(`/models/handlandmarker/${f}`, join(built, f))
  for (const m of classifierModels(repoRoot)) {
    files.set(`/models/${m.id}/manifest.json`, join(repoRoot, 'models', m.id, 'manifest.json'))
    for (const f of m.files) files.set(`/models/${m.id}/${f}`, join(repoRoot, 'models', m.id, f))
  }
  return files
}

/**
 * Every `models/<id>/manifest.json` with the files it lists, as `/models/index.json` describes them.
 * @param {string} repoRoot
 */
export function classifierModels(repoRoot) {
  const dir = join(repoRoot, 'models')
  /** @type {{ id: string, name: string, kind: string, language: string, files: string[] }[]} */
  const out = []
  for (const id of readdirSync(dir).sort()) {
    const manifestPath = join(dir, id, 'manifest.json')
    if (!MODEL_ID.test(id) || !existsSync(manifestPath)) continue
    const m = JSON.parse(readFileSync(manifestPath, 'utf8'))
    const files = (Array.isArray(m.files) ? m.files : []).map((/** @type {{ path: string }} */ f) => f.path).filter((/** @type {unknown} */ p) => typeof p === 'string' && MODEL_FILE.test(p))
    out.push({ id, name: String(m.name ?? id), kind: String(m.kind), language: String(m.language), files })
  }
  return out
}

/** @param {string} repoRoot */
export function modelIndexJson(repoRoot) {
  const models = classifierModels(repoRoot).map(({ id, name, kind, language }) => ({ id, name, kind, language }))
  return `${JSON.stringify({ models }, null, 2)}\n`
}

/** @param {string} file */
export function contentType(file) {
  if (file.endsWith('.wasm')) return 'application/wasm'
  if (file.endsWith('.js') || file.endsWith('.mjs')) return 'text/javascript'
  if (file.endsWith('.json')) return 'application/json'
  return 'application/octet-stream'
}

/**
 * Connect/Koa-style handler body: the file for a URL path, or null.
 * @param {Map<string, string>} files
 * @param {string} urlPath
 */
export function lookup(files, urlPath) {
  const file = files.get(urlPath)
  if (!file || !existsSync(file) || !statSync(file).isFile()) return null
  return { file, type: contentType(file) }
}
