/**
 * @module "Start a call": creates a room, then shows its link to share and a way in. A failure
 * says what happened and leaves the button ready to try again.
 */
import { A } from '@solidjs/router'
import { createSignal, Match, Show, Switch } from 'solid-js'
import { CopyField } from '../ui/CopyField'
import { createRoom } from './api'
import { describeCallError } from './describeCallError'
import type { CallError } from './errors'

export function StartCall() {
  const [busy, setBusy] = createSignal(false)
  const [link, setLink] = createSignal<{ path: string; url: string } | null>(null)
  const [error, setError] = createSignal<CallError | null>(null)

  async function start() {
    setBusy(true)
    setError(null)
    const r = await createRoom()
    setBusy(false)
    if (!r.ok) return setError(r.error)
    const path = `/call/${r.value.id}`
    setLink({ path, url: new URL(path, window.location.origin).href })
  }

  return (
    <div class="start-call">
      <Switch>
        <Match when={link()}>
          {(l) => (
            <div class="card" role="region" aria-labelledby="call-ready">
              <h2 id="call-ready">Your call is ready</h2>
              <p>Send this link to the people you want to talk with. Anyone with the link can join.</p>
              <CopyField label="Call link" value={l().url} />
              <div class="actions">
                <A class="button primary" href={l().path}>
                  Join now
                </A>
                <button type="button" class="button" onClick={start} disabled={busy()}>
                  Start another call
                </button>
              </div>
            </div>
          )}
        </Match>
        <Match when={!link()}>
          <button type="button" class="button primary large" onClick={start} disabled={busy()} aria-busy={busy()}>
            {busy() ? 'Starting…' : 'Start a call'}
          </button>
        </Match>
      </Switch>
      <Show when={error()}>
        {(e) => (
          <div class="alert error" role="alert">
            <p class="alert-title">{describeCallError(e()).title}</p>
            <p>{describeCallError(e()).detail}</p>
          </div>
        )}
      </Show>
    </div>
  )
}
