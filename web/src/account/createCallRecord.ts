/**
 * @module Keeps a signed-in user's history of a call: records joining when the call view opens,
 * leaving when it closes (or the tab does), and each chat message this user sends, so the call
 * and its chat appear in `/history`. Guests record nothing. Failures only cost the record, never
 * the call, so they are logged rather than shown.
 */
import { createEffect, onCleanup } from 'solid-js'
import type { ChatMessage } from '../../../shared/protocol/signalling'
import { useSession } from './session'

export function createCallRecord(opts: { roomId: string; name: string; chat: () => readonly ChatMessage[]; selfId: () => string | null }) {
  const session = useSession()
  if (!session.me()) return
  const { client } = session
  const base = `/api/calls/${opts.roomId}`
  const warn = (what: string) => (r: { ok: boolean; error?: unknown }) => {
    if (!r.ok) console.warn(`call history: ${what} not recorded`, r.error)
  }
  const joined = client.request(`${base}/join`, { json: { displayName: opts.name } })
  void joined.then(warn('join'))

  let left = false
  const leave = () => {
    if (left) return
    left = true
    // keepalive: the request outlives a closing tab.
    void client.request(`${base}/leave`, { method: 'POST', keepalive: true }).then(warn('leave'))
  }
  window.addEventListener('pagehide', leave)
  onCleanup(() => {
    window.removeEventListener('pagehide', leave)
    leave()
  })

  const recorded = new Set<string>()
  createEffect(() => {
    const self = opts.selfId()
    for (const m of opts.chat()) {
      if (m.from !== self || recorded.has(m.id)) continue
      recorded.add(m.id)
      // After the join landed: the edge keeps chat only from someone in the call.
      void joined.then(() => client.request(`${base}/messages`, { json: { text: m.text } })).then(warn('message'))
    }
  })
}
