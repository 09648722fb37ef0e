/**
 * @module `/contacts`: find people (by name, or exact email), answer requests, see who is online
 * and call them, remove or block. The list reloads whenever the hub says it changed.
 */
import { createEffect, createResource, createSignal, createUniqueId, For, on, Show } from 'solid-js'
import { contactListSchema, contactStateResponseSchema, MIN_SEARCH_CHARS, searchResultsSchema, type Contact } from '../../../shared/protocol/api/contacts'
import type { PresenceStatus } from '../../../shared/protocol/api/presence'
import type { UserCard } from '../../../shared/protocol/api/profile'
import { pageTitle } from '../ui/pageTitle'
import { Avatar } from './Avatar'
import type { AccountError } from './errors'
import { FormError } from './FormError'
import { RequireSignIn } from './RequireSignIn'
import { useSession } from './session'
import './account.css'

const PRESENCE_TEXT: Record<PresenceStatus, string> = { online: 'Online', 'in-call': 'In a call', offline: 'Offline' }

export default function ContactsPage() {
  pageTitle('Contacts')
  return <RequireSignIn what="your contacts">{() => <Contacts />}</RequireSignIn>
}

type Action = 'request' | 'accept' | 'remove' | 'block' | 'unblock'

function Contacts() {
  const session = useSession()
  const [error, setError] = createSignal<AccountError | null>(null)
  const [list, { refetch }] = createResource(async () => {
    const r = await session.client.request('/api/contacts', { schema: contactListSchema })
    if (!r.ok) {
      setError(r.error)
      return []
    }
    session.seedPresence(r.value.contacts.filter((c) => c.state === 'accepted').map((c) => ({ userId: c.user.id, status: c.presence })))
    return r.value.contacts
  })
  createEffect(on(session.contactsVersion, () => void refetch(), { defer: true }))

  async function act(userId: string, action: Action) {
    const path = action === 'remove' ? `/api/contacts/${userId}` : `/api/contacts/${userId}/${action}`
    const r = await session.client.request(path, { method: action === 'remove' ? 'DELETE' : 'POST', schema: contactStateResponseSchema })
    setError(r.ok ? null : r.error)
    await refetch()
  }

  const inState = (state: Contact['state']) => (list() ?? []).filter((c) => c.state === state)

  return (
    <div class="page narrow">
      <h1>Contacts</h1>
      <FormError error={error()} />
      <Search onAsk={(id) => act(id, 'request')} />
      <Show when={inState('incoming').length > 0}>
        <section class="section" aria-labelledby="incoming-title">
          <h2 id="incoming-title">Asking to be your contact</h2>
          <ul class="person-list">
            <For each={inState('incoming')}>
              {(c) => (
                <Person user={c.user}>
                  <button type="button" class="button primary small" onClick={() => act(c.user.id, 'accept')}>
                    Accept
                  </button>
                  <button type="button" class="button small" onClick={() => act(c.user.id, 'remove')}>
                    Decline
                  </button>
                  <button type="button" class="button small" onClick={() => act(c.user.id, 'block')}>
                    Block
                  </button>
                </Person>
              )}
            </For>
          </ul>
        </section>
      </Show>
      <section class="section" aria-labelledby="accepted-title">
        <h2 id="accepted-title">Your contacts</h2>
        <Show when={inState('accepted').length > 0} fallback={<p>No contacts yet. Find someone above and ask them.</p>}>
          <ul class="person-list">
            <For each={inState('accepted')}>
              {(c) => {
                const status = () => session.presenceOf(c.user.id)
                return (
                  <Person user={c.user} status={status()}>
                    <button
                      type="button"
                      class="button primary small"
                      onClick={() => void session.placeCall(c.user)}
                      aria-label={`Call ${c.user.displayName}`}
                      disabled={session.outgoing() !== null}
                    >
                      Call
                    </button>
                    <button type="button" class="button small" onClick={() => act(c.user.id, 'remove')} aria-label={`Remove ${c.user.displayName}`}>
                      Remove
                    </button>
                    <button type="button" class="button small" onClick={() => act(c.user.id, 'block')} aria-label={`Block ${c.user.displayName}`}>
                      Block
                    </button>
                  </Person>
                )
              }}
            </For>
          </ul>
        </Show>
      </section>
      <Show when={inState('outgoing').length > 0}>
        <section class="section" aria-labelledby="outgoing-title">
          <h2 id="outgoing-title">Waiting for an answer</h2>
          <ul class="person-list">
            <For each={inState('outgoing')}>
              {(c) => (
                <Person user={c.user}>
                  <button type="button" class="button small" onClick={() => act(c.user.id, 'remove')}>
                    Cancel request
                  </button>
                </Person>
              )}
            </For>
          </ul>
        </section>
      </Show>
      <Show when={inState('blocked').length > 0}>
        <section class="section" aria-labelledby="blocked-title">
          <h2 id="blocked-title">Blocked</h2>
          <ul class="person-list">
            <For each={inState('blocked')}>
              {(c) => (
                <Person user={c.user}>
                  <button type="button" class="button small" onClick={() => act(c.user.id, 'unblock')}>
                    Unblock
                  </button>
                </Person>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </div>
  )
}

function Person(props: { user: UserCard; status?: PresenceStatus; children: import('solid-js').JSX.Element }) {
  return (
    <li class="person">
      <Avatar user={props.user} />
      <span class="person-name">
        {props.user.displayName}
        <Show when={props.status}>
          {(status) => (
            <>
              <br />
              <small class={`presence ${status()}`}>{PRESENCE_TEXT[status()]}</small>
            </>
          )}
        </Show>
      </span>
      <div class="actions">{props.children}</div>
    </li>
  )
}

function Search(props: { onAsk: (userId: string) => Promise<void> }) {
  const session = useSession()
  const id = createUniqueId()
  const [query, setQuery] = createSignal('')
  const [results, { refetch }] = createResource(query, async (q) => {
    if (q.trim().length < MIN_SEARCH_CHARS) return null
    const r = await session.client.request(`/api/contacts/search?q=${encodeURIComponent(q.trim())}`, { schema: searchResultsSchema })
    return r.ok ? r.value.results : null
  })
  return (
    <section class="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Find people</h2>
      <form
        role="search"
        class="account-form"
        onSubmit={(e) => {
          e.preventDefault()
          setQuery(String(new FormData(e.currentTarget).get('q') ?? ''))
        }}
      >
        <label for={`${id}-q`}>Name or email</label>
        <input id={`${id}-q`} name="q" type="search" minlength={MIN_SEARCH_CHARS} autocomplete="off" />
        <div class="actions">
          <button type="submit" class="button">
            Search
          </button>
        </div>
      </form>
      <Show when={results()}>
        {(found) => (
          <div aria-live="polite">
            <Show when={found().length > 0} fallback={<p>Nobody found for “{query()}”.</p>}>
              <ul class="person-list">
                <For each={found()}>
                  {(r) => (
                    <Person user={r.user}>
                      <Show when={r.state === 'none'} fallback={<span>{r.state === 'accepted' ? 'Contact' : r.state === 'outgoing' ? 'Asked' : r.state === 'incoming' ? 'Asked you' : 'Blocked'}</span>}>
                        <button
                          type="button"
                          class="button small"
                          onClick={async () => {
                            await props.onAsk(r.user.id)
                            await refetch()
                          }}
                          aria-label={`Ask ${r.user.displayName} to be your contact`}
                        >
                          Add
                        </button>
                      </Show>
                    </Person>
                  )}
                </For>
              </ul>
            </Show>
          </div>
        )}
      </Show>
    </section>
  )
}
