/**
 * @module A room participant for workerd tests: a real WebSocket to the Worker, opened through
 * its own fetch handler, with every frame it receives checked against the shared contract.
 */
import { exports } from 'cloudflare:workers'
import { afterEach } from 'vitest'
import { randomId } from '../../shared/protocol/ids'
import {
  HEARTBEAT_PING,
  parseServerMessage,
  type ClientMessage,
  type MediaState,
  type ServerMessage,
} from '../../shared/protocol/signalling'

export const ORIGIN = 'http://silenttalk.test'
export const STATE: MediaState = { audio: true, video: true, captions: false }

// Sockets a test left open are closed after it, so no room outlives its test.
const open = new Set<WebSocket>()
afterEach(() => {
  for (const ws of open) if (ws.readyState === WebSocket.OPEN) ws.close(1000)
  open.clear()
})

type Frame<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>

export type RoomClient = {
  ws: WebSocket
  /** Sends a message of the contract, or raw text/bytes to test what the room refuses. */
  send(message: ClientMessage | string | ArrayBuffer): void
  /** The next frame of `type` (frames of other types before it are kept for later calls). */
  next<T extends ServerMessage['type']>(type: T, timeoutMs?: number): Promise<Frame<T>>
  /** Every frame received so far and not yet taken by `next`. */
  pending(): ServerMessage[]
  /** Resolves with the close code once the room closes this socket. */
  closed: Promise<number>
  /** Frames that did not match the contract; a test fails if this is not empty. */
  invalid: string[]
  close(code?: number): void
}

export async function connect(roomId: string): Promise<RoomClient> {
  const res = await exports.default.fetch(`${ORIGIN}/rooms/${roomId}/socket`, { headers: { Upgrade: 'websocket' } })
  const ws = res.webSocket
  if (res.status !== 101 || !ws) throw new Error(`upgrade failed: ${res.status} ${await res.text()}`)
  ws.accept()
  open.add(ws)
  const queue: ServerMessage[] = []
  const invalid: string[] = []
  const waiters: (() => void)[] = []
  ws.addEventListener('message', (e) => {
    const data = e.data as string | ArrayBuffer
    if (data === 'pong') return
    const r = parseServerMessage(data)
    if (r.ok) queue.push(r.value)
    else invalid.push(String(data))
    for (const wake of waiters.splice(0)) wake()
  })
  const closed = new Promise<number>((resolve) => ws.addEventListener('close', (e) => resolve(e.code)))
  void closed.then(() => {
    for (const wake of waiters.splice(0)) wake()
  })

  const client: RoomClient = {
    ws,
    invalid,
    closed,
    send: (m) => ws.send(typeof m === 'string' || m instanceof ArrayBuffer ? m : JSON.stringify(m)),
    pending: () => [...queue],
    close: (code = 1000) => ws.close(code),
    async next(type, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const i = queue.findIndex((f) => f.type === type)
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
  return client
}

/** Connects and joins; resolves with the welcome. */
export async function join(roomId: string, name: string, resume?: { peerId: string; token: string }) {
  const client = await connect(roomId)
  client.send({ type: 'join', name, state: STATE, ...(resume ? { resume } : {}) })
  const welcome = await client.next('welcome')
  return { client, welcome, peerId: welcome.peerId }
}

export const newRoomId = randomId

/** Sends a heartbeat; the runtime answers `pong` without waking the room. */
export function heartbeat(client: RoomClient): Promise<void> {
  return new Promise((resolve) => {
    const onPong = (e: MessageEvent) => {
      if (e.data === 'pong') {
        client.ws.removeEventListener('message', onPong)
        resolve()
      }
    }
    client.ws.addEventListener('message', onPong)
    client.send(HEARTBEAT_PING)
  })
}

/**
 * Waits until the room has handled everything `client` sent before: the room answers frames of
 * one socket in order, so once the error for an unknown type comes back, all before it are done
 * and every frame they caused for this socket has arrived.
 */
export async function roundTrip(client: RoomClient): Promise<void> {
  client.send('{"type":"sync"}')
  const reply = await client.next('error')
  if (reply.code !== 'unknown-type') throw new Error(`round trip answered ${JSON.stringify(reply)}`)
}

/** After `sender`'s frames are all handled, `receiver` has no frame of `type` (matching `where`) waiting. */
export async function expectNothing<T extends ServerMessage['type']>(
  sender: RoomClient,
  receiver: RoomClient,
  type: T,
  where: (frame: Frame<T>) => boolean = () => true,
): Promise<void> {
  await roundTrip(sender)
  await roundTrip(receiver)
  const stray = receiver.pending().find((f) => f.type === type && where(f as Frame<T>))
  if (stray) throw new Error(`unexpected ${type} frame: ${JSON.stringify(stray)}`)
}
