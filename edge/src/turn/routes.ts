/** @module `GET /api/turn`: ICE servers for a call, with fresh TURN credentials when configured. */
import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { iceServersFor } from './iceServers'

export const turn = new Hono<AppEnv>().get('/', async (c) => {
  // Credentials are per request and expire: no cache, shared or private, may keep them.
  c.header('Cache-Control', 'no-store')
  return c.json(await iceServersFor(c.env, Date.now() / 1_000))
})
