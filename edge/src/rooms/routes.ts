/**
 * @module Starting a call (`POST /api/rooms`) and joining one (`GET /rooms/:id/socket`, a
 * WebSocket handed to the call's Room Durable Object).
 */
import { Hono } from 'hono'
import type { CreatedRoom } from '../../../shared/protocol/api/rooms'
import { isId, randomId } from '../../../shared/protocol/ids'
import type { AppEnv } from '../env'
import { allowedOrigins } from '../http/cors'
import { ApiError } from '../http/errors'

/**
 * A room is its id: the Durable Object comes into being on the first socket and forgets
 * everything when the last peer leaves, so nothing is stored here. 128 random bits make the
 * link the only way in.
 */
export const roomsApi = new Hono<AppEnv>().post('/', (c) => c.json({ id: randomId() } satisfies CreatedRoom, 201))

export const roomSockets = new Hono<AppEnv>().get('/:id/socket', async (c) => {
  const id = c.req.param('id')
  if (!isId(id)) throw new ApiError(404, 'not-found', 'No call has this link; check it was copied whole.')
  if (c.req.header('Upgrade')?.toLowerCase() !== 'websocket') {
    throw new ApiError(426, 'bad-request', 'Open this path as a WebSocket.', { Upgrade: 'websocket' })
  }
  // Browsers always say which page opens a socket: another site's page may not join a call for its visitor.
  const origin = c.req.header('Origin')
  if (origin && origin !== new URL(c.req.url).origin && !allowedOrigins(c.env.CORS_ORIGINS).has(origin)) {
    throw new ApiError(403, 'forbidden', 'Calls are joined from the SilentTalk app.')
  }
  const res = await c.env.ROOMS.get(c.env.ROOMS.idFromName(id)).fetch(c.req.raw)
  // A response from a stub has immutable headers; re-wrap it so middleware can add its own.
  return new Response(res.body, { status: res.status, headers: res.headers, webSocket: res.webSocket })
})
