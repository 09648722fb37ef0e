import { describe, expect, it } from 'vitest'
import { precachePlan, type BuiltFile } from './pwaPrecache'

const file = (url: string, sha = 'a'): BuiltFile => ({ url, bytes: 100, sha256: sha.repeat(64) })
const BUILD = [
  file('/index.html'),
  file('/assets/index-1.js'),
  file('/assets/index-1.js.map'),
  file('/assets/index-2.css'),
  file('/manifest.webmanifest'),
  file('/icons/icon-192.png'),
  file('/_headers'),
  file('/sw.js'),
  file('/recognition/mediapipe/vision_wasm_module_internal.wasm'),
  file('/recognition/ort/ort-wasm-simd-threaded.wasm'),
  file('/recognition/ort/ort-wasm-simd-threaded.jspi.wasm'),
  file('/models/handlandmarker/tasks.json'),
  file('/models/handlandmarker/hand_landmarker_lite.task', 'b'),
  file('/models/handlandmarker/hand_landmarker_full.task', 'c'),
  file('/models/asl-letters/manifest.json'),
  file('/models/asl-letters/model.onnx', 'd'),
]

describe('precache plan', () => {
  const plan = precachePlan(BUILD)
  const urls = plan.entries.map((e) => e.url)

  it('precaches the shell, the runtimes in use, the lite landmarker and the models', () => {
    expect(urls).toEqual([
      '/assets/index-1.js',
      '/assets/index-2.css',
      '/icons/icon-192.png',
      '/',
      '/manifest.webmanifest',
      '/models/asl-letters/manifest.json',
      '/models/asl-letters/model.onnx',
      '/models/handlandmarker/hand_landmarker_lite.task',
      '/models/handlandmarker/tasks.json',
      '/recognition/mediapipe/vision_wasm_module_internal.wasm',
      '/recognition/ort/ort-wasm-simd-threaded.wasm',
    ])
  })

  it('keeps model files where the recogniser looks for them, by checksum', () => {
    const stores = Object.fromEntries(plan.entries.map((e) => [e.url, e.store]))
    expect(stores['/models/asl-letters/model.onnx']).toBe('models')
    expect(stores['/models/handlandmarker/hand_landmarker_lite.task']).toBe('models')
    expect(stores['/models/asl-letters/manifest.json']).toBe('shell')
    expect(plan.modelKeys).toContain(`/models/handlandmarker/hand_landmarker_full.task?sha256=${'c'.repeat(64)}`)
  })

  it('labels each file by kind for the first-load figures', () => {
    const kinds = Object.fromEntries(plan.entries.map((e) => [e.url, e.kind]))
    expect(kinds).toMatchObject({ '/': 'html', '/assets/index-1.js': 'js', '/assets/index-2.css': 'css', '/models/asl-letters/model.onnx': 'model', '/recognition/ort/ort-wasm-simd-threaded.wasm': 'wasm' })
  })

  it('changes version when any precached file changes, and only then', () => {
    const changed = BUILD.map((f) => (f.url === '/assets/index-2.css' ? file(f.url, 'e') : f))
    const mapOnly = BUILD.map((f) => (f.url === '/assets/index-1.js.map' ? file(f.url, 'e') : f))
    expect(precachePlan(changed).version).not.toBe(plan.version)
    expect(precachePlan(mapOnly).version).toBe(plan.version)
    expect(precachePlan([...BUILD].reverse()).version).toBe(plan.version)
  })
})
