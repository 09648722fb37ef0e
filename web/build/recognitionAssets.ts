/**
 * @module Vite plugin: serves the recogniser's runtime files and models at the stable URLs of
 * web/src/recognition/assetPaths.ts in dev, and copies them into dist/ at build. Builds the hand
 * landmarker bundles first when they are missing (a fresh clone that skipped postinstall).
 *
 * Dev also serves `/__recognition/harness.html`, the page the node tools (tools/caption.ts,
 * tools/landmarks.ts, tools/bench/recognition.ts) drive in headless Chromium.
 */
import { spawnSync } from 'node:child_process'
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defaultClientConditions, type Plugin } from 'vite'
import { lookup, MAX_ASSET_BYTES, modelIndexJson, recognitionAssetFiles } from './recognitionAssetFiles.mjs'

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..')
const HARNESS_PATH = '/__recognition/harness.html'
const HARNESS_HTML = `<!doctype html><meta charset="utf-8"><title>recognition harness</title><body><script type="module" src="/src/recognition/harness.ts"></script></body>`

function ensureHandLandmarker() {
  if (existsSync(join(REPO_ROOT, 'models/handlandmarker/build/tasks.json'))) return
  const tsx = join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs')
  const r = spawnSync(process.execPath, [tsx, join(REPO_ROOT, 'models/handlandmarker/build.ts'), '--if-missing'], { stdio: 'inherit' })
  if (r.status !== 0) throw new Error('building the hand landmarker bundles failed (models/handlandmarker/build.ts)')
}

export function recognitionAssets(): Plugin {
  return {
    name: 'silenttalk-recognition-assets',
    config: () => ({
      // onnxruntime-web's non-bundled entry loads its wasm glue (.mjs) from wasmPaths, so the
      // threaded build's own workers start from that small file, not from our worker chunk.
      resolve: { conditions: [...defaultClientConditions, 'onnxruntime-web-use-extern-wasm'] },
    }),
    buildStart() {
      ensureHandLandmarker()
    },
    configureServer(server) {
      ensureHandLandmarker()
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '')
        if (path === HARNESS_PATH) {
          res.setHeader('content-type', 'text/html')
          return res.end(HARNESS_HTML)
        }
        if (path === '/models/index.json') {
          res.setHeader('content-type', 'application/json')
          return res.end(modelIndexJson(REPO_ROOT))
        }
        const hit = lookup(recognitionAssetFiles(REPO_ROOT), path)
        if (!hit) return next()
        res.setHeader('content-type', hit.type)
        res.setHeader('content-length', String(statSync(hit.file).size))
        res.setHeader('cache-control', 'no-cache')
        createReadStream(hit.file).pipe(res)
      })
    },
    generateBundle() {
      for (const [url, file] of recognitionAssetFiles(REPO_ROOT)) {
        if (!existsSync(file)) this.error(`${url}: ${file} is missing`)
        const bytes = statSync(file).size
        if (bytes > MAX_ASSET_BYTES) this.error(`${url} is ${bytes} bytes, over the 25 MiB Workers asset limit`)
        this.emitFile({ type: 'asset', fileName: url.slice(1), source: readFileSync(file) })
      }
      this.emitFile({ type: 'asset', fileName: 'models/index.json', source: modelIndexJson(REPO_ROOT) })
    },
  }
}
