/**
 * @module Whether practice will work with no connection on this device: ready, still being saved
 * (with sizes), or why it cannot be.
 */
import { Match, Switch } from 'solid-js'
import { createServiceWorker } from '../pwa/createServiceWorker'
import { formatBytes } from '../pwa/formatBytes'
import { describePrecacheFailure } from '../pwa/PwaStatus'

/** The service worker leaves the large recognition files out while the data saver is on (sw.ts). */
const saveData = () => (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true

export function OfflineReadiness() {
  const sw = createServiceWorker()
  return (
    <div class="offline-readiness" role="status" data-offline-ready={String(sw.state().offlineReady)}>
      <Switch fallback={<p>Checking whether practice works offline on this device…</p>}>
        <Match when={sw.state().failure}>{(reason) => <p>{describePrecacheFailure(reason())}</p>}</Match>
        <Match when={sw.state().installing}>
          {(p) => (
            <>
              <label for="offline-progress">
                Saving SilentTalk for offline use: {formatBytes(p().loadedBytes)} of {formatBytes(p().totalBytes)}
              </label>
              <progress id="offline-progress" value={p().loadedBytes} max={p().totalBytes} />
            </>
          )}
        </Match>
        <Match when={sw.state().offlineReady && saveData()}>
          <p>Data saver is on, so sign recognition is kept for offline use the first time you practise rather than now.</p>
        </Match>
        <Match when={sw.state().offlineReady}>
          <p>Ready to practise without a connection, sign recognition included.</p>
        </Match>
        <Match when={!import.meta.env.PROD}>
          <p>Offline use needs a production build (npm run build).</p>
        </Match>
        <Match when={!sw.state().supported}>
          <p>This browser cannot keep SilentTalk for offline use; practice works while you are online.</p>
        </Match>
      </Switch>
    </div>
  )
}
