/**
 * @module The app-wide PWA notices under the header: offline, a new version ready to load (with the
 * reload the user chooses), and an install that could not finish. Mounted once, in the shell.
 */
import { Show } from 'solid-js'
import { assertNever } from '../ui/assertNever'
import { createOnline } from './createOnline'
import { createServiceWorker } from './createServiceWorker'
import type { PrecacheFailureReason } from './swMessages'
import './pwa.css'

export function PwaStatus() {
  const online = createOnline()
  const sw = createServiceWorker()
  return (
    <div class="pwa-status">
      <Show when={!online()}>
        <p class="pwa-notice offline" role="status">
          <strong>You are offline.</strong> Practice and your own signs still work; calls need a connection.
        </p>
      </Show>
      <Show when={sw.state().updateReady}>
        <div class="pwa-notice update" role="status">
          <p>A new version of SilentTalk is ready.</p>
          <button type="button" class="button small primary" onClick={() => sw.applyUpdate()}>
            Reload
          </button>
        </div>
      </Show>
      <Show when={sw.state().failure}>{(reason) => <p class="pwa-notice failed" role="status">{describePrecacheFailure(reason())}</p>}</Show>
    </div>
  )
}

export function describePrecacheFailure(reason: PrecacheFailureReason): string {
  switch (reason) {
    case 'storage-full':
      return 'Your device is out of storage, so SilentTalk cannot be kept for offline use. Everything still works while you are online.'
    case 'network':
      return 'SilentTalk could not finish saving itself for offline use. It will try again the next time you open it online.'
    case 'integrity':
      return 'A newer version of SilentTalk was published while it was being saved for offline use. Reload to get it.'
    default:
      return assertNever(reason)
  }
}
