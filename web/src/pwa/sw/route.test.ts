import { describe, expect, it } from 'vitest'
import type { PrecacheEntry } from './precacheManifest'
import { routeRequest } from './route'

const ORIGIN = 'https://silenttalk.example'
const entry = (url: string, store: PrecacheEntry['store'] = 'shell'): PrecacheEntry => ({ url, bytes: 10, sha256: 'a'.repeat(64), kind: 'js', store })
const PRECACHE = new Map([entry('/'), entry('/assets/index-abc.js'), entry('/models/handlandmarker/hand_landmarker_lite.task', 'models')].map((e) => [e.url, e]))
const route = (path: string, mode = 'cors', method = 'GET') => routeRequest({ method, url: `${ORIGIN}${path}`, mode }, ORIGIN, PRECACHE).kind

describe('service worker routes', () => {
  it('never answers the API, room sockets or health checks', () => {
    expect(route('/api/turn')).toBe('bypass')
    expect(route('/api/auth/refresh', 'cors', 'POST')).toBe('bypass')
    expect(route('/rooms/abc/socket', 'websocket')).toBe('bypass')
    expect(route('/health')).toBe('bypass')
    // A page load of an API URL is still the API's to answer.
    expect(route('/api/history', 'navigate')).toBe('bypass')
  })

  it('answers every page load with the app shell, whatever the path (SPA fallback)', () => {
    expect(route('/', 'navigate')).toBe('app-shell')
    expect(route('/practice/glossary/asl-letters/B', 'navigate')).toBe('app-shell')
    expect(route('/call/x7-k2?ref=link', 'navigate')).toBe('app-shell')
  })

  it('leaves a file opened in the tab to the network', () => {
    expect(route('/models/index.json', 'navigate')).toBe('bypass')
  })

  it('serves precached files from the cache, ignoring the query', () => {
    expect(routeRequest({ method: 'GET', url: `${ORIGIN}/assets/index-abc.js`, mode: 'cors' }, ORIGIN, PRECACHE)).toEqual({ kind: 'precache', entry: PRECACHE.get('/assets/index-abc.js') })
    expect(route('/models/handlandmarker/hand_landmarker_lite.task?v=2')).toBe('precache')
  })

  it('caches recogniser files not precached when they are first used', () => {
    expect(route('/models/handlandmarker/hand_landmarker_full.task')).toBe('runtime')
    expect(route('/recognition/ort/ort-wasm-simd-threaded.jspi.wasm')).toBe('runtime')
  })

  it('leaves other origins, other methods and unknown files alone', () => {
    expect(routeRequest({ method: 'GET', url: 'https://cdn.example/x.js', mode: 'cors' }, ORIGIN, PRECACHE).kind).toBe('bypass')
    expect(route('/assets/index-abc.js', 'cors', 'HEAD')).toBe('bypass')
    expect(route('/assets/index-abc.js.map')).toBe('bypass')
  })
})
