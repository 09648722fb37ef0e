/**
 * @module `npm run bench:signal`: 100 WebSocket clients in 25 rooms of 4 relay offers and ICE
 * candidates through a local `wrangler dev`, and the relay latency (send → the target receives
 * it) and the messages lost are printed. Target (issue #2): p95 under 20 ms, nothing lost.
 *
 * Usage: `npm run bench:signal [-- --url http://127.0.0.1:8787] [--rooms 25] [--rounds 5]`
 * (default: start wrangler dev on 127.0.0.1:8801). Sender and receivers share this process and its clock, so a latency is
 * one `performance.now()` difference; it includes this process's own event-loop delay.
 */
import { availableParallelism, loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { WebSocket } from 'undici'
import { createdRoomSchema } from '../../shared/protocol/api/rooms'
import {
  HEARTBEAT_INTERVAL_MS,
  HEARTBEAT_PING,
  parseServerMessage,
  type ClientMessage,
  type ServerMessage,
  type SignalData,
} from '../../shared/protocol/signalling'
import { ms, summarize } from './stats'
import { startWranglerDev } from './wranglerDev'

const PEERS_PER_ROOM = 4
const CANDIDATES_PER_NEGOTIATION = 8
/** A real audio + video + data channel offer from Chromium is 4–6 KB. */
const SDP_BYTES = 5_000
const DRAIN_TIMEOUT_MS = 5_000
/** Helper H1's port range (8800–8819). */
const DEV_PORT = 8801
const INSPECTOR_PORT = 8802

type Client = {
  ws: WebSocket
  peerId: string
  room: number
  peers: Set<string>
  send(m: ClientMessage): void
}

type InFlight = { sentAtMs: number; to: string }

const { values } = parseArgs({ options: { url: { type: 'string' }, rooms: { type: 'string', default: '25' }, rounds: { type: 'string', default: '5' }, 'round-ms': { type: 'string', default: '5000' } } })
const ROOMS = Number(values.rooms)
/** Each round, every client renegotiates with each peer: one description and its candidates. */
const ROUNDS = Number(values.rounds)
/**
 * How often each client renegotiates with every peer. A real participant does it when it joins
 * and on an ICE restart, so 5 rounds 5 s apart is already more signalling than a call sees.
 */
const ROUND_MS = Number(values['round-ms'])
const server = values.url
  ? { url: values.url.replace(/\/$/, ''), stop: async () => {}, cpuTimeMs: () => undefined }
  : await startWranglerDev({ port: DEV_PORT, inspectorPort: INSPECTOR_PORT })

const inFlight = new Map<number, InFlight>()
const latenciesMs: number[] = []
const joinMs: number[] = []
const problems = { misdelivered: 0, errorFrames: 0, invalidFrames: 0, unexpectedCloses: 0 }
let nextSeq = 0
let finished = false

try {
  const clients: Client[] = []
  for (let room = 0; room < ROOMS; room++) {
    const id = await createRoom(server.url)
    for (let i = 0; i < PEERS_PER_ROOM; i++) clients.push(await joinRoom(server.url, id, room, `peer ${room}.${i}`))
  }
  await waitUntil(() => clients.every((c) => c.peers.size === PEERS_PER_ROOM - 1), 5_000, 'every client to see its 3 peers')
  const heartbeats = setInterval(() => clients.forEach((c) => c.ws.send(HEARTBEAT_PING)), HEARTBEAT_INTERVAL_MS)

  const loadBefore = loadavg()[0]!
  const serverCpuBeforeMs = server.cpuTimeMs()
  const clientCpuBefore = process.cpuUsage()
  const startedMs = performance.now()
  await Promise.all(clients.map((c) => negotiateRounds(c)))
  const sendingMs = performance.now() - startedMs
  await waitUntil(() => inFlight.size === 0, DRAIN_TIMEOUT_MS, 'every message to arrive').catch(() => {})
  clearInterval(heartbeats)
  finished = true
  const serverCpuAfterMs = server.cpuTimeMs()
  const clientCpu = process.cpuUsage(clientCpuBefore)

  const sent = nextSeq
  const lat = summarize(latenciesMs)
  const join = summarize(joinMs)
  console.log(`bench:signal — ${clients.length} clients in ${ROOMS} rooms of ${PEERS_PER_ROOM}, ${ROUNDS} rounds of negotiation each, via ${server.url}`)
  console.log(`  messages: ${sent} sent (${(sent / (sendingMs / 1_000)).toFixed(0)}/s), ${latenciesMs.length} received, ${inFlight.size} lost`)
  console.log(`  relay latency: median ${ms(lat.median)}, p95 ${ms(lat.p95)}, p99 ${ms(lat.p99)}, max ${ms(lat.max)} (count ${lat.count})`)
  console.log(`  join (open socket → welcome): median ${ms(join.median)}, p95 ${ms(join.p95)}, max ${ms(join.max)}`)
  console.log(`  problems: ${JSON.stringify(problems)}`)
  // Where latency is queueing for a CPU, the CPU each message costs is the figure that carries over.
  const perMessageUs = (cpuMs: number) => `${((cpuMs * 1_000) / sent).toFixed(0)} µs`
  if (serverCpuBeforeMs !== undefined && serverCpuAfterMs !== undefined) {
    console.log(`  CPU per relayed message: wrangler dev (proxy + workerd) ${perMessageUs(serverCpuAfterMs - serverCpuBeforeMs)}, these clients ${perMessageUs((clientCpu.user + clientCpu.system) / 1_000)}`)
  }
  console.log(`  machine: ${availableParallelism()} cores, 1-min load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`)
  console.log(`  target: p95 < 20 ms and 0 lost → ${lat.p95 < 20 && inFlight.size === 0 ? 'met' : 'NOT met'}`)
  for (const c of clients) {
    c.send({ type: 'leave' })
    c.ws.close()
  }
} finally {
  await server.stop()
}

async function createRoom(url: string): Promise<string> {
  const res = await fetch(`${url}/api/rooms`, { method: 'POST' })
  const body = createdRoomSchema.parse(await res.json())
  if (res.status !== 201 || !body.ok) throw new Error(`POST /api/rooms answered ${res.status}`)
  return body.value.id
}

function joinRoom(url: string, roomId: string, room: number, name: string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const openedMs = performance.now()
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/rooms/${roomId}/socket`)
    const client: Client = { ws, peerId: '', room, peers: new Set(), send: (m) => ws.send(JSON.stringify(m)) }
    ws.addEventListener('open', () => client.send({ type: 'join', name, state: { audio: true, video: true, captions: false } }))
    ws.addEventListener('error', () => reject(new Error(`socket to room ${roomId} failed`)))
    ws.addEventListener('close', () => {
      if (!finished) problems.unexpectedCloses++
    })
    ws.addEventListener('message', (e) => {
      const receivedMs = performance.now()
      if (e.data === 'pong') return
      const parsed = parseServerMessage(e.data as string)
      if (!parsed.ok) return void problems.invalidFrames++
      const frame: ServerMessage = parsed.value
      switch (frame.type) {
        case 'welcome':
          client.peerId = frame.peerId
          for (const p of frame.peers) client.peers.add(p.id)
          joinMs.push(receivedMs - openedMs)
          return resolve(client)
        case 'peer-joined':
          return void client.peers.add(frame.peer.id)
        case 'signal':
          return received(client, frame.data, receivedMs)
        case 'error':
          problems.errorFrames++
          return console.error(`error frame: ${frame.code} ${frame.message}`)
        default:
          return
      }
    })
  })
}

function received(client: Client, data: SignalData, receivedMs: number) {
  const text = data.kind === 'description' ? (data.description.sdp ?? '') : (data.candidate?.candidate ?? '')
  const seq = Number(/x-bench-seq:(\d+)/.exec(text)?.[1])
  const sent = inFlight.get(seq)
  if (!sent) return
  if (sent.to !== client.peerId) problems.misdelivered++
  inFlight.delete(seq)
  latenciesMs.push(receivedMs - sent.sentAtMs)
}

async function negotiateRounds(client: Client) {
  for (let round = 0; round < ROUNDS; round++) {
    // Clients start their negotiations at scattered moments, as people join and renegotiate.
    const offsetMs = Math.random() * ROUND_MS
    await sleep(offsetMs)
    for (const to of client.peers) {
      signal(client, to, (seq) => ({ kind: 'description', description: { type: round % 2 ? 'answer' : 'offer', sdp: fakeSdp(seq) } }))
      for (let i = 0; i < CANDIDATES_PER_NEGOTIATION; i++) {
        signal(client, to, (seq) => ({
          kind: 'candidate',
          candidate: { candidate: `candidate:${i} 1 udp 2122260223 127.0.0.1 ${50_000 + i} typ host generation 0 x-bench-seq:${seq}`, sdpMid: '0', sdpMLineIndex: 0 },
        }))
      }
    }
    await sleep(ROUND_MS - offsetMs)
  }
}

function signal(client: Client, to: string, data: (seq: number) => SignalData) {
  const seq = nextSeq++
  const frame = JSON.stringify({ type: 'signal', to, data: data(seq) } satisfies ClientMessage)
  inFlight.set(seq, { sentAtMs: performance.now(), to })
  client.ws.send(frame)
}

function fakeSdp(seq: number): string {
  const head = `v=0\r\no=- ${seq} 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=x-bench-seq:${seq}\r\n`
  return head + 'a=x-padding:'.padEnd(SDP_BYTES - head.length - 2, 'x') + '\r\n'
}

async function waitUntil(done: () => boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(20)
  }
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms))
}
