/**
 * @module The presence socket: this app's line to the user's hub on the edge, which pushes
 * contacts' presence, incoming rings, answers and profile changes. It trades the access token for
 * a one-minute ticket (a browser cannot put headers on a WebSocket), pings to stay counted as
 * online, and reconnects with backoff until disposed or signed out. Not reactive.
 */
import {
  parseHubMessage,
  PRESENCE_PING,
  PRESENCE_PING_INTERVAL_MS,
  PRESENCE_PONG,
  PRESENCE_TIMEOUT_MS,
  type HubMessage,
} from '../../../shared/protocol/api/presence'
import type { Result } from '../../../shared/result'
import { reconnectDelayMs } from '../call/backoff'
import type { AccountError } from './errors'

/** The hub closes with this when the session ended: reconnecting would be refused. */
const CLOSE_SIGNED_OUT = 4001

export type PresenceSocketOptions = {
  ticket: () => Promise<Result<string, AccountError>>
  onMessage: (message: HubMessage) => void
  onOpen?: () => void
}

export function makePresenceSocket(opts: PresenceSocketOptions): { dispose(): void } {
  let ws: WebSocket | null = null
  let disposed = false
  let attempt = 0
  let retry: ReturnType<typeof setTimeout> | undefined
  let pinger: ReturnType<typeof setInterval> | undefined

  const scheduleReconnect = () => {
    if (disposed) return
    retry = setTimeout(() => void connect(), reconnectDelayMs(attempt++))
  }

  async function connect() {
    const ticket = await opts.ticket()
    if (disposed) return
    if (!ticket.ok) {
      if (ticket.error.reason !== 'signed-out') scheduleReconnect()
      return
    }
    const url = new URL('/api/presence/socket', location.href)
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
    url.searchParams.set('ticket', ticket.value)
    const socket = new WebSocket(url)
    ws = socket
    let lastHeardMs = Date.now()
    socket.addEventListener('open', () => {
      attempt = 0
      opts.onOpen?.()
      pinger = setInterval(() => {
        // A socket that answers nothing is dead even if the browser has not noticed yet.
        if (Date.now() - lastHeardMs > PRESENCE_TIMEOUT_MS) socket.close()
        else socket.send(PRESENCE_PING)
      }, PRESENCE_PING_INTERVAL_MS)
    })
    socket.addEventListener('message', (e: MessageEvent) => {
      lastHeardMs = Date.now()
      if (e.data === PRESENCE_PONG || typeof e.data !== 'string') return
      const r = parseHubMessage(e.data)
      if (r.ok) opts.onMessage(r.value)
      else console.warn('presence: ignored a frame off the contract:', r.error)
    })
    socket.addEventListener('close', (e: CloseEvent) => {
      clearInterval(pinger)
      if (ws === socket) ws = null
      if (e.code !== CLOSE_SIGNED_OUT) scheduleReconnect()
    })
  }

  void connect()
  return {
    dispose() {
      disposed = true
      clearTimeout(retry)
      clearInterval(pinger)
      ws?.close(1000)
    },
  }
}
