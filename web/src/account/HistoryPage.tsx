/**
 * @module `/history`: my calls, newest first, searchable by who was in them or what was said;
 * each opens to its kept chat. Chat is shown as text, never as markup.
 */
import { createEffect, createResource, createSignal, createUniqueId, For, onCleanup, Show } from 'solid-js'
import { createStore, reconcile } from 'solid-js/store'
import { callDetailSchema, historyPageSchema, type CallSummary } from '../../../shared/protocol/api/history'
import { pageTitle } from '../ui/pageTitle'
import type { AccountError } from './errors'
import { callRecordsWritten } from './createCallRecord'
import { callOutcome, callTitle, isLive } from './describeCall'
import { FormError } from './FormError'
import { RequireSignIn } from './RequireSignIn'
import { useSession } from './session'
import './account.css'

export default function HistoryPage() {
  pageTitle('Call history')
  return <RequireSignIn what="your call history">{(me) => <History myId={me().id} />}</RequireSignIn>
}

/** How often a list showing a call still under way asks again how it went. */
const LIVE_REFRESH_MS = 5_000
/** The longest the list waits for this tab's own history writes before it loads anyway. */
const WRITES_WAIT_MS = 3_000

function History(props: { myId: string }) {
  const session = useSession()
  const id = createUniqueId()
  const [query, setQuery] = createSignal('')
  const [calls, setCalls] = createStore<CallSummary[]>([])
  const [nextBefore, setNextBefore] = createSignal<string | null>(null)
  const [error, setError] = createSignal<AccountError | null>(null)
  const [loading, setLoading] = createSignal(true)

  const fetchPage = (before: string | null) => {
    const params = new URLSearchParams()
    if (query().trim()) params.set('q', query().trim())
    if (before !== null) params.set('before', before)
    return session.client.request(`/api/history?${params}`, { schema: historyPageSchema })
  }

  async function load(before: string | null) {
    setLoading(true)
    const r = await fetchPage(before)
    setLoading(false)
    if (!r.ok) return setError(r.error)
    setError(null)
    setCalls(before === null ? r.value.calls : [...calls, ...r.value.calls])
    setNextBefore(r.value.nextBefore)
  }
  // A call just left may still be on its way to the edge: list it as it ended, not as it was
  // (but not wait long for a network that does not answer).
  void Promise.race([callRecordsWritten(), new Promise((done) => setTimeout(done, WRITES_WAIT_MS))]).then(() => load(null))

  // A call under way (or ringing) changes as the others leave or answer: the newest page is asked
  // again, and its calls updated in place so older pages already shown stay.
  async function refreshNewest() {
    const r = await fetchPage(null)
    if (!r.ok) return
    const fresh = new Map(r.value.calls.map((c) => [c.id, c]))
    const added = r.value.calls.filter((c) => !calls.some((old) => old.id === c.id))
    // Matched by id and changed in place: an entry someone has opened stays open.
    setCalls(reconcile([...added, ...calls.map((c) => fresh.get(c.id) ?? c)], { key: 'id' }))
  }
  // Back from a call in another tab or app: a call may have been added or ended meanwhile.
  // (Also the live refresh below: a hidden page asks nothing.)
  const onVisible = () => {
    if (document.visibilityState === 'visible') void refreshNewest()
  }
  document.addEventListener('visibilitychange', onVisible)
  onCleanup(() => document.removeEventListener('visibilitychange', onVisible))
  createEffect(() => {
    if (!calls.some(isLive)) return
    const timer = setInterval(onVisible, LIVE_REFRESH_MS)
    onCleanup(() => clearInterval(timer))
  })

  async function forget(callId: string) {
    const r = await session.client.request(`/api/history/${callId}`, { method: 'DELETE' })
    if (!r.ok) return setError(r.error)
    setCalls(calls.filter((c) => c.id !== callId))
  }

  return (
    <div class="page narrow">
      <h1>Call history</h1>
      <form
        role="search"
        class="account-form"
        onSubmit={(e) => {
          e.preventDefault()
          setQuery(String(new FormData(e.currentTarget).get('q') ?? ''))
          void load(null)
        }}
      >
        <label for={`${id}-q`}>Search by name or chat</label>
        <input id={`${id}-q`} name="q" type="search" autocomplete="off" />
        <div class="actions">
          <button type="submit" class="button">
            Search
          </button>
        </div>
      </form>
      <FormError error={error()} />
      <Show when={calls.length > 0} fallback={<p aria-live="polite">{loading() ? 'Loading…' : query() ? `No calls match “${query()}”.` : 'No calls yet.'}</p>}>
        <ul class="person-list" aria-label="Calls">
          <For each={calls}>{(call) => <CallEntry call={call} myId={props.myId} onForget={() => forget(call.id)} />}</For>
        </ul>
      </Show>
      <Show when={nextBefore() !== null}>
        <div class="actions">
          <button type="button" class="button" disabled={loading()} onClick={() => load(nextBefore())}>
            Show older calls
          </button>
        </div>
      </Show>
    </div>
  )
}

function CallEntry(props: { call: CallSummary; myId: string; onForget: () => void }) {
  const session = useSession()
  const [open, setOpen] = createSignal(false)
  const [detail] = createResource(open, async () => {
    const r = await session.client.request(`/api/history/${props.call.id}`, { schema: callDetailSchema })
    return r.ok ? r.value : null
  })
  return (
    <li>
      <details class="history-call" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <strong>{callTitle(props.call, props.myId)}</strong>
          <br />
          <span>
            {callOutcome(props.call)} · <time datetime={new Date(props.call.createdAtMs).toISOString()}>{new Date(props.call.createdAtMs).toLocaleString()}</time>
          </span>
        </summary>
        <Show when={detail()} fallback={<p>{detail.loading ? 'Loading…' : ''}</p>}>
          {(d) => (
            <Show when={d().messages.length > 0} fallback={<p>No chat was kept for this call.</p>}>
              <ul class="message-list" aria-label="Chat">
                <For each={d().messages}>
                  {(m) => (
                    <li>
                      <strong>{m.displayName}</strong> <small>{new Date(m.sentAtMs).toLocaleTimeString()}</small>
                      <br />
                      {m.text}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Show>
        <div class="actions">
          <button type="button" class="button small" onClick={() => props.onForget()}>
            Remove from my history
          </button>
        </div>
      </details>
    </li>
  )
}
