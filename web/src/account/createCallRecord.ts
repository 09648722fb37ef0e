/**
 * @module Keeps a signed-in user's history of a call: records joining when the call view opens,
 * leaving when it closes (or the tab does), and each chat message this user sends, so the call
 * and its chat appear in `/history`. Guests record nothing. Failures only cost the record, never
 * the call, so they are logged rather than shown.
 */
import { createEffect, onCleanup } from 'solid-js'
import type { ChatMessage } from '../../../shared/protocol/signalling'
import type { Result } from '../../../shared/result'
import type { AccountError } from './errors'
import { useSession } from './session'

// One queue for the whole app, in order: the edge keeps chat only from someone in the call, so a
// message must not overtake the join, nor the leave overtake the last message, nor the next
// call's join this call's leave.
let queue: Promise<unknown> = Promise.resolve()

/** Resolves once every history write queued so far has been answered (the history page waits for it). */
export function callRecordsWritten(): Promise<void> {
  return queue.then(() => undefined)
}

export function createCallRecord(opts: { roomId: string; name: string; chat: () => readonly ChatMessage[]; selfId: () => string | null }) {
  const session = useSession()
  if (!session.me()) return
  const { client } = session
  const base = `/api/calls/${opts.roomId}`

  const record = (what: string, send: () => Promise<Result<unknown, AccountError>>) => {
    queue = queue.then(send).then((r) => {
      if (!r.ok) console.warn(`call history: ${what} not recorded`, r.error)
    })
  }
  record('join', () => client.request(`${base}/join`, { json: { displayName: opts.name } }))

  let left = false
  const leave = (now: boolean) => {
    if (left) return
    left = true
    // keepalive: the request outlives a closing tab. When the tab is going, it cannot wait its turn.
    const send = () => client.request(`${base}/leave`, { method: 'POST', keepalive: true })
    if (now) void send()
    else record('leave', send)
  }
  const onPageHide = () => leave(true)
  window.addEventListener('pagehide', onPageHide)
  onCleanup(() => {
    window.removeEventListener('pagehide', onPageHide)
    leave(false)
  })

  const recorded = new Set<string>()
  createEffect(() => {
    const self = opts.selfId()
    for (const m of opts.chat()) {
      if (m.from !== self || recorded.has(m.id)) continue
      recorded.add(m.id)
      record('message', () => client.request(`${base}/messages`, { json: { text: m.text } }))
    }
  })
}
