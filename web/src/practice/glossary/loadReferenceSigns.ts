/**
 * @module Fetches the reference signs (a static file of the build, precached by the service worker,
 * so it loads offline too) and decodes them, once per page.
 */
import { decodeReference, type ReferenceFile, type ReferenceSign } from './referenceSigns'

/** Vite emits the file as a hashed asset; unbundled (browser tests) it is served where it lies. */
const referenceUrl = new URL('./referenceTakes.json', import.meta.url).href

let loading: Promise<Map<string, ReferenceSign>> | null = null

/** Reference signs by model label (`A`, `thank-you`). */
export function loadReferenceSigns(): Promise<Map<string, ReferenceSign>> {
  loading ??= fetch(referenceUrl)
    .then((r) => {
      if (!r.ok) throw new Error(`${referenceUrl}: HTTP ${r.status}`)
      return r.json() as Promise<ReferenceFile>
    })
    .then((file) => new Map(file.takes.map((t) => [t.label, decodeReference(t)])))
  // A failed load (offline before the first visit finished) is tried again next time.
  loading.catch(() => (loading = null))
  return loading
}
