/**
 * @module Whether the network answers, as a signal. `navigator.onLine` only says a network
 * interface is up (it stays true on a Wi-Fi with no internet, and under DevTools' offline
 * emulation), so the answer comes from a probe: a HEAD request for the web app manifest, which the
 * service worker never answers (it handles GET only) and which static hosting serves for free. The
 * browser's `offline` event still flips the signal at once.
 */
import { createSignal, onCleanup } from 'solid-js'

/** How often to probe while the page is visible: often enough to notice, rare enough to cost nothing. */
const PROBE_INTERVAL_MS = 30_000
const PROBE_TIMEOUT_MS = 5_000
const PROBE_URL = '/manifest.webmanifest'

export async function probeNetwork(): Promise<boolean> {
  try {
    const r = await fetch(PROBE_URL, { method: 'HEAD', cache: 'no-store', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) })
    // Any answer from the server means the network works, even an error status.
    return r.status > 0
  } catch {
    return false
  }
}

export function createOnline() {
  const [online, setOnline] = createSignal(navigator.onLine)
  let probing = false
  const probe = async () => {
    if (probing || document.visibilityState !== 'visible') return
    probing = true
    setOnline(await probeNetwork())
    probing = false
  }
  const down = () => setOnline(false)
  const visible = () => void probe()
  window.addEventListener('online', visible)
  window.addEventListener('offline', down)
  document.addEventListener('visibilitychange', visible)
  const timer = setInterval(visible, PROBE_INTERVAL_MS)
  void probe()
  onCleanup(() => {
    window.removeEventListener('online', visible)
    window.removeEventListener('offline', down)
    document.removeEventListener('visibilitychange', visible)
    clearInterval(timer)
  })
  return online
}
