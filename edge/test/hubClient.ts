/**
 * @module One open app of a signed-in user, for workerd tests: it trades the access token for a
 * presence ticket and opens the real socket to the user's hub, checking every frame against the
 * shared contract.
 */
import { afterEach, expect } from 'vitest'
import { parseHubMessage, presenceTicketSchema, type HubMessage } from '../../shared/protocol/api/presence'
import type { Account } from './api'

const open = new Map<WebSocket, Promise<number>>()
// Apps a test left open are closed after it, and the hub's answer awaited, so no hub is still
// announcing presence when the test file's runtime goes away.
afterEach(async () => {
  for (const ws of open.keys()) if (ws.readyState === WebSocket.OPEN) ws.close(1000)
  await Promise.all(open.values())
  open.clear()
})

type Frame<T extends HubMessage['type']> = Extract<HubMessage, { type: T }>

export type HubClient = {
  ws: WebSocket
  next<T extends HubMessage['type']>(type: T, where?: (f: Frame<T>) => boolean, timeoutMs?: number): Promise<Frame<T>>
  pending(): HubMessage[]
  closed: Promise<number>
  close(): void
}

export async function ticketFor(a: Account): Promise<string> {
  const res = await a.client.call('/api/presence/ticket', { method: 'POST', token: a.token })
  expect(res.status).toBe(200)
  const r = presenceTicketSchema.parse(await res.json())
  if (!r.ok) throw new Error(r.error.message)
  return r.value.ticket
}

export async function openApp(a: Account): Promise<HubClient> {
  const res = await a.client.call(`/api/presence/socket?ticket=${await ticketFor(a)}`, { headers: { Upgrade: 'websocket' } })
  const ws = res.webSocket
  if (res.status !== 101 || !ws) throw new Error(`upgrade failed: ${res.status} ${await res.text()}`)
  ws.accept()
  const queue: HubMessage[] = []
  const waiters: (() => void)[] = []
  ws.addEventListener('message', (e) => {
    if (e.data === 'pong') return
    const r = parseHubMessage(String(e.data))
    if (!r.ok) throw new Error(`hub sent an off-contract frame: ${r.error}: ${String(e.data)}`)
    queue.push(r.value)
    for (const wake of waiters.splice(0)) wake()
  })
  const closed = new Promise<number>((resolve) => ws.addEventListener('close', (e) => resolve(e.code)))
  open.set(ws, closed)
  void closed.then(() => {
    for (const wake of waiters.splice(0)) wake()
  })
  return {
    ws,
    closed,
    pending: () => [...queue],
    close: () => ws.close(1000),
    async next(type, where = () => true, timeoutMs = 2_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const i = queue.findIndex((f) => f.type === type && where(f as never))
        if (i >= 0) return queue.splice(i, 1)[0] as never
        if (ws.readyState === WebSocket.CLOSED) throw new Error(`socket closed while waiting for ${type}`)
        const left = deadline - Date.now()
        if (left <= 0) throw new Error(`no ${type} frame within ${timeoutMs} ms; got ${JSON.stringify(queue)}`)
        await new Promise<void>((resolve) => {
          waiters.push(resolve)
          setTimeout(resolve, left)
        })
      }
    },
  }
}

/** Makes two accounts accepted contacts through the API. */
export async function befriend(a: Account, b: Account): Promise<void> {
  expect((await a.client.call(`/api/contacts/${b.id}/request`, { method: 'POST', token: a.token })).status).toBe(200)
  expect((await b.client.call(`/api/contacts/${a.id}/accept`, { method: 'POST', token: b.token })).status).toBe(200)
}
