/**
 * @module The service worker's state as a signal for a component; registration happens once per
 * page (the browser hands back the same registration to every caller), listeners go with the owner.
 */
import { createSignal, onCleanup } from 'solid-js'
import { INITIAL_SERVICE_WORKER_STATE, makeServiceWorker } from './makeServiceWorker'

export function createServiceWorker() {
  const [state, setState] = createSignal(INITIAL_SERVICE_WORKER_STATE)
  // Dev serves modules straight from source; only a build has the /sw.js that matches it.
  if (!import.meta.env.PROD) return { state, applyUpdate: () => {} }
  const sw = makeServiceWorker({ onChange: setState })
  setState(sw.state())
  onCleanup(sw.dispose)
  return { state, applyUpdate: sw.applyUpdate }
}
