/**
 * @module `GET /health`: whether each binding the Worker needs answers — D1, R2 and each
 * Durable Object class (rooms, user hubs, rate limiters). 200 when all do, 503 naming the ones that did not.
 */
import { Hono } from 'hono'
import type { AppEnv, Env } from '../env'
import { errorBody } from './errors'

type Check = 'ok' | 'failed'
type Probe = (env: Env) => Promise<unknown>

/** Not a room id (those are 22 characters), so the probe can never land in a real call. */
const HEALTH_ROOM_NAME = 'health-probe'

const probes: Record<'db' | 'files' | 'rooms' | 'users' | 'limits', Probe> = {
  db: (env) => env.DB.prepare('select 1 as ok').first(),
  files: (env) => env.FILES.head('health-probe'),
  rooms: async (env) => {
    const answer = await env.ROOMS.get(env.ROOMS.idFromName(HEALTH_ROOM_NAME)).ping()
    if (answer !== 'pong') throw new Error(`room answered ${answer}`)
  },
  // The per-user hub (presence, rings) and the rate limiter; a name no user id can take.
  users: async (env) => {
    const answer = await env.USERS.get(env.USERS.idFromName(HEALTH_ROOM_NAME)).ping()
    if (answer !== 'pong') throw new Error(`user hub answered ${answer}`)
  },
  limits: async (env) => {
    const answer = await env.LIMITS.get(env.LIMITS.idFromName(HEALTH_ROOM_NAME)).ping()
    if (answer !== 'pong') throw new Error(`rate limiter answered ${answer}`)
  },
}

export const health = new Hono<AppEnv>().get('/', async (c) => {
  const names = Object.keys(probes) as (keyof typeof probes)[]
  const results = await Promise.allSettled(names.map((name) => probes[name](c.env)))
  const checks = Object.fromEntries(
    names.map((name, i) => {
      const r = results[i]!
      if (r.status === 'rejected') console.error(`health: ${name} failed`, r.reason)
      return [name, (r.status === 'fulfilled' ? 'ok' : 'failed') satisfies Check]
    }),
  ) as Record<keyof typeof probes, Check>
  c.header('Cache-Control', 'no-store')
  const failed = names.filter((n) => checks[n] === 'failed')
  if (failed.length > 0) return c.json({ ...errorBody('unavailable', `Not answering: ${failed.join(', ')}.`), checks }, 503)
  return c.json({ ok: true, checks })
})
