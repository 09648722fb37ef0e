/**
 * @module How the service worker answers each request: a pure decision on the request's method,
 * URL and mode, so the rules are tested in Node and the worker only carries them out.
 */
import type { PrecacheEntry } from './precacheManifest'

export type Route =
  /** Not ours to answer: the network as if there were no service worker. */
  | { kind: 'bypass' }
  /** A page load: the cached app shell (index.html), whatever the path (SPA fallback). */
  | { kind: 'app-shell' }
  /** A precached file, from its cache; the network only if the cache lost it. */
  | { kind: 'precache'; entry: PrecacheEntry }
  /** A recogniser runtime or model this device had not needed yet: cache on first use. */
  | { kind: 'runtime' }

export type RouteRequest = { method: string; url: string; mode: string; destination?: string }

/**
 * The API, the room sockets and health checks are live data: never cached, never answered
 * offline with something stale (a call must fail visibly, not show old state).
 */
const LIVE = /^\/(api|rooms)(\/|$)|^\/health$/
/** Files the recogniser may load on demand (runtimes, landmarker variants, models). */
const RUNTIME = /^\/(recognition|models)\//

export function routeRequest(req: RouteRequest, origin: string, precache: ReadonlyMap<string, PrecacheEntry>): Route {
  if (req.method !== 'GET') return { kind: 'bypass' }
  const url = new URL(req.url)
  if (url.origin !== origin) return { kind: 'bypass' }
  if (LIVE.test(url.pathname)) return { kind: 'bypass' }
  if (req.mode === 'navigate') {
    // A path with a file extension is a file the user opened (e.g. an exported JSON), not a page.
    return /\.[a-z0-9]+$/i.test(url.pathname) && url.pathname !== '/index.html' ? { kind: 'bypass' } : { kind: 'app-shell' }
  }
  const entry = precache.get(url.pathname)
  if (entry) return { kind: 'precache', entry }
  if (RUNTIME.test(url.pathname)) return { kind: 'runtime' }
  return { kind: 'bypass' }
}
