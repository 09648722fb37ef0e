/**
 * @module The session: the one piece of state the whole app shares (STYLE §7). `SessionProvider`
 * restores the sign-in at start-up, keeps the presence socket open while signed in, and exposes
 * what that socket pushes: contacts' presence, incoming rings, answers to my calls.
 */
import { createContext, createSignal, onCleanup, onMount, useContext, type Accessor, type JSX } from 'solid-js'
import { createStore } from 'solid-js/store'
import {
  presenceTicketSchema,
  RING_TIMEOUT_MS,
  ringResponseSchema,
  type HubMessage,
  type PresenceStatus,
  type RingEndReason,
} from '../../../shared/protocol/api/presence'
import type { Me } from '../../../shared/protocol/api/auth'
import type { UserCard } from '../../../shared/protocol/api/profile'
import { ok } from '../../../shared/result'
import type { AccountError } from './errors'
import { makeAccountClient, type AccountClient, type SessionState } from './makeAccountClient'
import { makePresenceSocket } from './makePresenceSocket'

export type IncomingRing = { callId: string; from: UserCard; expiresAtMs: number }
export type CallAnswer = { callId: string; reason: RingEndReason }
/** A call I placed to a contact, from ringing to how it ended. */
export type OutgoingCall = {
  to: UserCard
  callId: string | null
  expiresAtMs: number
  status: 'placing' | 'ringing' | 'unavailable' | 'failed' | RingEndReason
  error?: AccountError
}

export type Session = {
  client: AccountClient
  state: Accessor<SessionState>
  me: Accessor<Me | null>
  /** Live presence of a contact, as last pushed (or as seeded from the contact list). */
  presenceOf(userId: string): PresenceStatus
  seedPresence(entries: { userId: string; status: PresenceStatus }[]): void
  /** Calls ringing here now, newest last. */
  incoming: Accessor<IncomingRing[]>
  dismissRing(callId: string): void
  /** The latest answer to a call I placed. */
  lastAnswer: Accessor<CallAnswer | null>
  /** Bumped when the contact list changed somewhere: pages showing it reload. */
  contactsVersion: Accessor<number>
  outgoing: Accessor<OutgoingCall | null>
  /** Rings a contact; `outgoing` follows the call until it is answered or ends. */
  placeCall(to: UserCard): Promise<void>
  cancelCall(): Promise<void>
  clearOutgoing(): void
}

const SessionContext = createContext<Session>()

export function SessionProvider(props: { children: JSX.Element }) {
  const client = makeAccountClient()
  const [state, setState] = createSignal<SessionState>(client.state())
  const [presence, setPresence] = createStore<Record<string, PresenceStatus>>({})
  const [incoming, setIncoming] = createSignal<IncomingRing[]>([])
  const [lastAnswer, setLastAnswer] = createSignal<CallAnswer | null>(null)
  const [contactsVersion, setContactsVersion] = createSignal(0)
  const [outgoing, setOutgoing] = createSignal<OutgoingCall | null>(null)
  let socket: { dispose(): void } | null = null

  function onHubMessage(m: HubMessage) {
    switch (m.type) {
      case 'presence':
        setPresence(m.userId, m.status)
        break
      case 'ring':
        setIncoming((all) => [...all.filter((r) => r.callId !== m.callId), { callId: m.callId, from: m.from, expiresAtMs: m.expiresAtMs }])
        break
      case 'ring-ended':
        setIncoming((all) => all.filter((r) => r.callId !== m.callId))
        break
      case 'call-answered':
        setLastAnswer({ callId: m.callId, reason: m.reason })
        setOutgoing((o) => (o && o.callId === m.callId ? { ...o, status: m.reason } : o))
        break
      case 'contacts-changed':
        setContactsVersion((v) => v + 1)
        break
      case 'profile':
        client.updateMe((me) => ({ ...me, profile: m.profile }))
        break
      case 'signed-out':
        void client.restore()
        break
      case 'error':
        console.warn('presence hub:', m.message)
        break
    }
  }

  const unsubscribe = client.subscribe((next) => {
    setState(next)
    if (next.status === 'signed-in' && !socket) {
      socket = makePresenceSocket({
        ticket: async () => {
          const r = await client.request('/api/presence/ticket', { method: 'POST', schema: presenceTicketSchema })
          return r.ok ? ok(r.value.ticket) : r
        },
        onMessage: onHubMessage,
      })
    }
    if (next.status !== 'signed-in' && socket) {
      socket.dispose()
      socket = null
      setIncoming([])
    }
  })
  onMount(() => void client.restore())
  onCleanup(() => {
    unsubscribe()
    socket?.dispose()
    client.dispose()
  })

  const session: Session = {
    client,
    state,
    me: () => {
      const s = state()
      return s.status === 'signed-in' ? s.me : null
    },
    presenceOf: (userId) => presence[userId] ?? 'offline',
    seedPresence: (entries) => entries.forEach((e) => setPresence(e.userId, e.status)),
    incoming,
    dismissRing: (callId) => setIncoming((all) => all.filter((r) => r.callId !== callId)),
    lastAnswer,
    contactsVersion,
    outgoing,
    async placeCall(to) {
      setOutgoing({ to, callId: null, expiresAtMs: Date.now() + RING_TIMEOUT_MS, status: 'placing' })
      const r = await client.request('/api/ring', { json: { calleeId: to.id }, schema: ringResponseSchema })
      if (!r.ok) {
        setOutgoing((o) => o && { ...o, status: 'failed', error: r.error })
        return
      }
      const { callId, ringExpiresAtMs, delivered } = r.value
      // The answer may have come over the socket before this reply did.
      const answered = lastAnswer()?.callId === callId ? lastAnswer()!.reason : null
      setOutgoing({ to, callId, expiresAtMs: ringExpiresAtMs, status: answered ?? (delivered ? 'ringing' : 'unavailable') })
    },
    async cancelCall() {
      const call = outgoing()
      setOutgoing(null)
      if (call?.callId && call.status === 'ringing') await client.request(`/api/ring/${call.callId}/cancel`, { method: 'POST' })
    },
    clearOutgoing: () => setOutgoing(null),
  }
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>
}

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside SessionProvider')
  return session
}
