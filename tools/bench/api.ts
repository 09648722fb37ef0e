/**
 * @module `npm run bench:api`: the account API under 50 concurrent clients through a local
 * `wrangler dev` (real local D1, Durable Objects, R2): sign-in, token refresh and history listing,
 * each timed per request; median and p95 are printed. Sign-in is reported apart because it runs
 * PBKDF2 (100,000 iterations) by design. Target (issue #7): p95 ≤ 50 ms for refresh and history.
 *
 * Two loads per endpoint. Saturated: 50 clients each send their next request the moment the last
 * one answers (closed loop), which measures throughput and the queueing it causes: on a machine
 * that serves R requests a second, 50 such clients wait about 50/R s each. Paced: the same 50
 * clients each send one request a second (open loop, random phase), a busy but human rate.
 *
 * Usage: `npm run bench:api [-- --url http://127.0.0.1:8787] [--clients 50] [--rounds 40] [--paced-s 15]`
 * (default: start wrangler dev on 127.0.0.1:8881 with its own throwaway state). The rate limit
 * (100 a minute per user) would refuse most of this load, so the bench raises it with
 * `--var RATE_LIMIT_PER_MIN`; the limiter Durable Object still runs on every request, so its
 * cost is in the figures. Against `--url`, start that server with the same variable.
 */
import { availableParallelism, loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { REFRESH_COOKIE, sessionResponseSchema } from '../../shared/protocol/api/auth'
import { historyPageSchema } from '../../shared/protocol/api/history'
import { randomId } from '../../shared/protocol/ids'
import { ms, summarize } from './stats'
import { startWranglerDev } from './wranglerDev'

/** Helper H7's port range (8880–8899). */
const DEV_PORT = 8881
const INSPECTOR_PORT = 8882
const PASSWORD = 'Bench-mark-42!'
const LOGINS_PER_CLIENT = 4
const SETUP_CONCURRENCY = 4

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    clients: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '40' },
    'paced-s': { type: 'string', default: '15' },
    'interval-ms': { type: 'string', default: '1000' },
    /** Calls each user starts before the run; with the partner's, 30 by default: a full history page. */
    calls: { type: 'string', default: '15' },
  },
})
const CALLS_PER_USER = Number(values.calls)
const CLIENTS = Number(values.clients)
const ROUNDS = Number(values.rounds)
const PACED_MS = Number(values['paced-s']) * 1000
const INTERVAL_MS = Number(values['interval-ms'])

type User = { email: string; token: string; cookie: string; ip: string }

const server = values.url
  ? { url: values.url.replace(/\/$/, ''), stop: async () => {}, cpuTimeMs: () => undefined }
  : await startWranglerDev({ port: DEV_PORT, inspectorPort: INSPECTOR_PORT, migrate: true, vars: { RATE_LIMIT_PER_MIN: '1000000' } })

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/**
 * Setup only: `wrangler dev` on a crowded machine sometimes restarts its runtime and answers 503
 * ("Your worker restarted mid-request"); setup retries those. Measured requests never retry:
 * a failure there is counted and printed.
 */
async function retrying<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send()
    } catch (e) {
      if (!(e instanceof HttpFailure) || e.status !== 503 || attempt >= 5) throw e
      await new Promise((r) => setTimeout(r, 500 * attempt))
    }
  }
}

/** Runs `task` over `items` with at most `limit` at once (setup: fast, without swamping the server). */
async function pool<T>(items: T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++
        await task(items[i]!, i)
      }
    }),
  )
}

async function call(path: string, init: { method?: string; json?: unknown; token?: string; cookie?: string; ip: string }) {
  const headers: Record<string, string> = { 'CF-Connecting-IP': init.ip }
  if (init.json !== undefined) headers['Content-Type'] = 'application/json'
  if (init.token) headers.Authorization = `Bearer ${init.token}`
  if (init.cookie) headers.Cookie = `${REFRESH_COOKIE}=${init.cookie}`
  const startedMs = performance.now()
  const res = await fetch(`${server.url}${path}`, {
    method: init.method ?? (init.json !== undefined ? 'POST' : 'GET'),
    headers,
    body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
  })
  const body = await res.text()
  const elapsedMs = performance.now() - startedMs
  if (!res.ok) throw new HttpFailure(res.status, `${init.method ?? 'GET'} ${path} answered ${res.status}: ${body}`)
  const cookie = new RegExp(`${REFRESH_COOKIE}=([^;]+)`).exec(res.headers.get('Set-Cookie') ?? '')?.[1]
  return { body: body ? (JSON.parse(body) as unknown) : null, cookie, elapsedMs }
}

function session(r: { body: unknown; cookie?: string }) {
  const parsed = sessionResponseSchema.parse(r.body)
  if (!parsed.ok || !r.cookie) throw new Error(`not a session response: ${JSON.stringify(r.body)}`)
  return { token: parsed.value.accessToken, cookie: r.cookie, id: parsed.value.me.id }
}

/** Runs `task` for every client at once, each client doing its rounds one after another. */
type Samples = { latenciesMs: number[]; failures: Map<number, number> }

/** Times one request; a failed one is counted by status rather than timed. */
async function measure(samples: Samples, task: () => Promise<number>): Promise<void> {
  try {
    samples.latenciesMs.push(await task())
  } catch (e) {
    if (!(e instanceof HttpFailure)) throw e
    samples.failures.set(e.status, (samples.failures.get(e.status) ?? 0) + 1)
  }
}

/** Runs `task` for every client at once, each client doing its rounds one after another. */
async function concurrently(users: User[], rounds: number, task: (u: User) => Promise<number>): Promise<Samples> {
  const samples: Samples = { latenciesMs: [], failures: new Map() }
  await Promise.all(
    users.map(async (u) => {
      for (let i = 0; i < rounds; i++) await measure(samples, () => task(u))
    }),
  )
  return samples
}

/** Each client sends one request every INTERVAL_MS for PACED_MS, starting at a random phase. */
async function paced(users: User[], task: (u: User) => Promise<number>): Promise<Samples> {
  const samples: Samples = { latenciesMs: [], failures: new Map() }
  const startMs = performance.now()
  await Promise.all(
    users.map(async (u) => {
      let due = startMs + Math.random() * INTERVAL_MS
      while (due < startMs + PACED_MS) {
        const waitMs = due - performance.now()
        if (waitMs > 0) await new Promise((r) => setTimeout(r, waitMs))
        await measure(samples, () => task(u))
        due += INTERVAL_MS
      }
    }),
  )
  return samples
}

function report(name: string, samples: Samples, wallMs: number, cpuMs?: number) {
  const s = summarize(samples.latenciesMs)
  const cpu = cpuMs === undefined ? '' : `  server CPU ${ms(cpuMs / Math.max(1, s.count))}/req`
  const failed = [...samples.failures].map(([status, n]) => `${n}×${status}`).join(' ')
  console.log(
    `${name.padEnd(16)} n=${String(s.count).padStart(5)}  median ${ms(s.median).padStart(10)}  p95 ${ms(s.p95).padStart(10)}  p99 ${ms(s.p99).padStart(10)}  max ${ms(s.max).padStart(10)}  ${(s.count / (wallMs / 1000)).toFixed(0)} req/s${cpu}${failed ? `  FAILED ${failed}` : ''}`,
  )
  return s
}

try {
  // Setup: users, and a history of calls in pairs, so each listing reads a full page with participants.
  const users: User[] = []
  for (let i = 0; i < CLIENTS; i++) {
    const ip = `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`
    const email = `bench-${randomId().toLowerCase()}@example.org`
    const s = session(await retrying(() => call('/api/auth/register', { ip, json: { email, password: PASSWORD, displayName: `Bench user ${i}` } })))
    users.push({ email, token: s.token, cookie: s.cookie, ip })
  }
  await pool(users, SETUP_CONCURRENCY, async (u, i) => {
    const people = users.length > 1 ? [u, users[(i + 1) % users.length]!] : [u]
    for (let k = 0; k < CALLS_PER_USER; k++) {
      const callId = randomId()
      for (const who of people) await retrying(() => call(`/api/calls/${callId}/join`, { ip: who.ip, token: who.token, json: { displayName: 'Bench' } }))
      await retrying(() => call(`/api/calls/${callId}/messages`, { ip: u.ip, token: u.token, json: { text: `message ${k}` } }))
      for (const who of people) await retrying(() => call(`/api/calls/${callId}/leave`, { ip: who.ip, token: who.token, method: 'POST' }))
    }
  })
  const sample = historyPageSchema.parse((await call('/api/history', { ip: users[0]!.ip, token: users[0]!.token })).body)
  if (!sample.ok) throw new Error(`history answered off-contract: ${sample.error.path} ${sample.error.message}`)
  console.log(`setup: ${CLIENTS} users, ${CALLS_PER_USER * 2} calls each; a history page holds ${sample.value.calls.length} calls`)

  const loadBefore = loadavg()[0]!
  const cpuBeforeMs = server.cpuTimeMs()
  const results: Record<string, ReturnType<typeof summarize>> = {}

  const login = async (u: User) => {
    const r = await call('/api/auth/login', { ip: u.ip, json: { email: u.email, password: PASSWORD } })
    Object.assign(u, session(r))
    return r.elapsedMs
  }
  const refresh = async (u: User) => {
    const r = await call('/api/auth/refresh', { ip: u.ip, method: 'POST', cookie: u.cookie })
    Object.assign(u, session(r))
    return r.elapsedMs
  }
  const listHistory = async (u: User) => (await call('/api/history', { ip: u.ip, token: u.token })).elapsedMs

  /** One load on one endpoint; the server's CPU per request counts every wrangler dev process. */
  async function phase(key: string, label: string, run: () => Promise<Samples>) {
    const cpuStartMs = server.cpuTimeMs()
    const startMs = performance.now()
    const samples = await run()
    const cpuEndMs = server.cpuTimeMs()
    results[key] = report(label, samples, performance.now() - startMs, cpuStartMs !== undefined && cpuEndMs !== undefined ? cpuEndMs - cpuStartMs : undefined)
  }
  const endpoints = [
    ['login (PBKDF2)', login, LOGINS_PER_CLIENT],
    ['refresh', refresh, ROUNDS],
    ['history list', listHistory, ROUNDS],
  ] as const

  console.log(`\nsaturated: ${CLIENTS} clients, each sending its next request as soon as the last one answers`)
  for (const [name, task, rounds] of endpoints) await phase(`saturated ${name}`, name, () => concurrently(users, rounds, task))

  console.log(`\npaced: ${CLIENTS} clients, each sending one request every ${INTERVAL_MS} ms for ${PACED_MS / 1000} s`)
  for (const [name, task] of endpoints) await phase(`paced ${name}`, name, () => paced(users, task))

  const cpuAfterMs = server.cpuTimeMs()
  console.log(
    `machine: ${availableParallelism()} cores, load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}` +
      (cpuBeforeMs !== undefined && cpuAfterMs !== undefined ? `; wrangler dev used ${((cpuAfterMs - cpuBeforeMs) / 1000).toFixed(1)} s CPU` : ''),
  )
  for (const name of ['refresh', 'history list'] as const) {
    for (const load of ['saturated', 'paced'] as const) {
      const p95 = results[`${load} ${name}`]!.p95
      console.log(`${name}, ${load}: p95 ${ms(p95)} ${p95 <= 50 ? 'meets' : 'MISSES'} the 50 ms target`)
    }
  }
} finally {
  await server.stop()
}
