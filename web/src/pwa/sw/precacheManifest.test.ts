import { describe, expect, it } from 'vitest'
import { entriesToInstall, staleCaches, staleModelKeys, type PrecacheEntry } from './precacheManifest'

describe('cleaning up after an update', () => {
  it('drops the shell and runtime caches of other versions only', () => {
    const names = ['silenttalk-shell-old1', 'silenttalk-shell-new2', 'silenttalk-runtime-old1', 'silenttalk-runtime-new2', 'silenttalk-models-v1', 'someone-elses-cache']
    expect(staleCaches(names, 'new2')).toEqual(['silenttalk-shell-old1', 'silenttalk-runtime-old1'])
  })

  it('drops model files this build no longer has, and keeps manifests and current models', () => {
    const origin = 'https://silenttalk.example'
    const current = '/models/asl-letters/model.onnx?sha256=' + 'b'.repeat(64)
    const keys = [
      `${origin}${current}`,
      `${origin}/models/asl-letters/model.onnx?sha256=${'a'.repeat(64)}`,
      `${origin}/models/asl-letters/manifest.json`,
    ]
    expect(staleModelKeys(keys, { modelKeys: [current] }, origin)).toEqual([keys[1]])
  })
})

describe('what installs', () => {
  const entry = (url: string, kind: PrecacheEntry['kind']): PrecacheEntry => ({ url, kind, bytes: 1, sha256: 'a'.repeat(64), store: kind === 'model' ? 'models' : 'shell' })
  const entries = [entry('/', 'html'), entry('/assets/a.js', 'js'), entry('/recognition/ort/ort-wasm-simd-threaded.wasm', 'wasm'), entry('/models/asl-letters/model.onnx', 'model')]

  it('downloads everything for offline use', () => {
    expect(entriesToInstall(entries, false)).toEqual(entries)
  })

  it('downloads only the app shell when the user saves data', () => {
    expect(entriesToInstall(entries, true).map((e) => e.url)).toEqual(['/', '/assets/a.js'])
  })
})
