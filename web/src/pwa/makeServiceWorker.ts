/**
 * @module Registers the service worker (sw/sw.ts, built as /sw.js) and follows it: how far the
 * download for offline use has got, when a new version is waiting, and reloading into it once the
 * user agrees. Not reactive; `createServiceWorker` gives a component the same as signals.
 *
 * Update flow: the browser checks /sw.js on navigations and when `update()` runs (every hour and
 * when the tab comes back into view). A changed build installs in the background and then waits,
 * so a page is never switched to new code under the user's hands. `applyUpdate` tells the waiting
 * worker to take over (`skip-waiting`), and the page reloads when it has (`controllerchange`).
 */
import type { FromServiceWorker, PrecacheFailureReason, ToServiceWorker } from './swMessages'

export type ServiceWorkerState = {
  supported: boolean
  /** An active version controls this page: everything it needs is cached for offline use. */
  offlineReady: boolean
  /** A version is downloading: bytes so far and in all. */
  installing: { loadedBytes: number; totalBytes: number } | null
  /** A new version has installed and waits for the user's consent to reload. */
  updateReady: boolean
  /** Why the last install failed, if it did. */
  failure: PrecacheFailureReason | null
}

export type ServiceWorkerOptions = {
  /** Default '/sw.js'. */
  url?: string
  onChange(state: ServiceWorkerState): void
}

const UPDATE_CHECK_MS = 60 * 60 * 1000

export const INITIAL_SERVICE_WORKER_STATE: ServiceWorkerState = { supported: false, offlineReady: false, installing: null, updateReady: false, failure: null }

export function makeServiceWorker(opts: ServiceWorkerOptions) {
  let state: ServiceWorkerState = { ...INITIAL_SERVICE_WORKER_STATE, supported: 'serviceWorker' in navigator }
  const set = (patch: Partial<ServiceWorkerState>) => {
    state = { ...state, ...patch }
    opts.onChange(state)
  }
  let registration: ServiceWorkerRegistration | null = null
  let disposed = false
  let reloading = false
  const cleanups: (() => void)[] = []
  const listen = <T extends EventTarget>(target: T, type: string, handler: (e: Event) => void) => {
    target.addEventListener(type, handler)
    cleanups.push(() => target.removeEventListener(type, handler))
  }

  if (state.supported) {
    const container = navigator.serviceWorker
    listen(container, 'message', (e) => onMessage((e as MessageEvent<FromServiceWorker>).data))
    listen(container, 'controllerchange', () => {
      // Only the reload the user asked for; the first worker taking control of a new page is not an update.
      if (reloading) location.reload()
    })
    listen(document, 'visibilitychange', () => {
      if (document.visibilityState === 'visible') void registration?.update().catch(() => {})
    })
    const timer = setInterval(() => void registration?.update().catch(() => {}), UPDATE_CHECK_MS)
    cleanups.push(() => clearInterval(timer))
    void register(container, opts.url ?? '/sw.js')
  }

  async function register(container: ServiceWorkerContainer, url: string) {
    try {
      // updateViaCache 'none': the browser checks sw.js itself past the HTTP cache.
      registration = await container.register(url, { scope: '/', updateViaCache: 'none' })
    } catch {
      // No service worker (private mode in some browsers, blocked by policy): the app works online.
      return
    }
    if (disposed) return
    const reg = registration
    set({ offlineReady: !!reg.active, updateReady: !!reg.waiting && !!container.controller })
    const watch = (worker: ServiceWorker | null) => {
      if (!worker) return
      listen(worker, 'statechange', () => {
        if (worker.state === 'installed') set({ installing: null, updateReady: !!container.controller })
        if (worker.state === 'activated') set({ offlineReady: true, installing: null })
      })
    }
    watch(reg.installing)
    listen(reg, 'updatefound', () => watch(reg.installing))
  }

  function onMessage(m: FromServiceWorker | undefined) {
    switch (m?.type) {
      case 'precache-progress':
        return set({ installing: { loadedBytes: m.loadedBytes, totalBytes: m.totalBytes }, failure: null })
      case 'precache-done':
        return set({ installing: null })
      case 'precache-failed':
        return set({ installing: null, failure: m.reason })
      case 'activated':
        return set({ offlineReady: true })
      default:
        return
    }
  }

  return {
    state: () => state,
    /** Switches to the waiting version; the page reloads once it has taken over. */
    applyUpdate() {
      const waiting = registration?.waiting
      if (!waiting) return
      reloading = true
      waiting.postMessage({ type: 'skip-waiting' } satisfies ToServiceWorker)
    },
    checkForUpdate: async () => {
      await registration?.update()
    },
    dispose() {
      disposed = true
      for (const c of cleanups.splice(0)) c()
    },
  }
}
