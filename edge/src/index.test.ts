import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { createdRoomSchema } from '../../shared/protocol/api/rooms'
import { HTTP_ERROR_CODES, type ErrorBody } from '../../shared/protocol/errors'
import { randomId } from '../../shared/protocol/ids'

const ORIGIN = 'http://silenttalk.test'
const call = (path: string, init?: RequestInit) => exports.default.fetch(`${ORIGIN}${path}`, init)

async function expectError(res: Response, status: number, code: ErrorBody['error']['code']) {
  expect(res.status).toBe(status)
  expect(res.headers.get('Content-Type')).toMatch(/^application\/json/)
  const body = (await res.json()) as ErrorBody
  expect(body).toEqual({ error: { code, message: expect.any(String) } })
  expect(HTTP_ERROR_CODES).toContain(body.error.code)
  expect(body.error.message).not.toMatch(/at .*\.ts:\d+/)
}

describe('POST /api/rooms', () => {
  it('creates a room: 201 with an unguessable 128-bit URL-safe id', async () => {
    const res = await call('/api/rooms', { method: 'POST' })
    expect(res.status).toBe(201)
    const body = await res.json()
    expect(createdRoomSchema.parse(body).ok).toBe(true)
    const other = (await (await call('/api/rooms', { method: 'POST' })).json()) as { id: string }
    expect(other.id).not.toBe((body as { id: string }).id)
  })

  // That such a body does not stall the next request shows only under wrangler dev: e2e/uploads.spec.ts.
  it('refuses a chunked body over the limit where it is read, and takes one on a route that reads none', async () => {
    const chunked = () => {
      const chunk = new TextEncoder().encode('x'.repeat(10_000))
      let sent = 0
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ < 20) controller.enqueue(chunk)
          else controller.close()
        },
      })
    }
    const res = await call('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: chunked() })
    await expectError(res, 413, 'payload-too-large')
    expect((await call('/api/rooms', { method: 'POST', body: chunked() })).status).toBe(201)
  })

  it('refuses a body over the JSON limit with 413 payload-too-large', async () => {
    const res = await call('/api/rooms', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pad: 'x'.repeat(20_000) }) })
    await expectError(res, 413, 'payload-too-large')
  })

  it('answers GET with 405 method-not-allowed and says which method to use', async () => {
    const res = await call('/api/rooms')
    await expectError(res, 405, 'method-not-allowed')
    expect(res.headers.get('Allow')).toBe('POST')
  })
})

describe('GET /rooms/:id/socket', () => {
  it('answers a malformed room id with 404 not-found', async () => {
    await expectError(await call('/rooms/not-a-room/socket', { headers: { Upgrade: 'websocket' } }), 404, 'not-found')
  })

  it('answers a request that is not a WebSocket upgrade with 426', async () => {
    const res = await call(`/rooms/${randomId()}/socket`)
    await expectError(res, 426, 'bad-request')
    expect(res.headers.get('Upgrade')).toBe('websocket')
  })

  it('upgrades to a WebSocket for a well-formed id', async () => {
    const res = await call(`/rooms/${randomId()}/socket`, { headers: { Upgrade: 'websocket' } })
    expect(res.status).toBe(101)
    res.webSocket!.accept()
    res.webSocket!.close(1000)
  })

  it('refuses a socket opened by another site\'s page with 403, and takes one from the app\'s own', async () => {
    await expectError(await call(`/rooms/${randomId()}/socket`, { headers: { Upgrade: 'websocket', Origin: 'https://evil.example' } }), 403, 'forbidden')
    const res = await call(`/rooms/${randomId()}/socket`, { headers: { Upgrade: 'websocket', Origin: ORIGIN } })
    expect(res.status).toBe(101)
    res.webSocket!.accept()
    res.webSocket!.close(1000)
  })

  it('answers POST with 405', async () => {
    await expectError(await call(`/rooms/${randomId()}/socket`, { method: 'POST' }), 405, 'method-not-allowed')
  })
})

describe('every other path', () => {
  it('is a JSON 404 not-found', async () => {
    await expectError(await call('/api/nothing-here'), 404, 'not-found')
  })

  it('wrong method on /api/turn is 405', async () => {
    await expectError(await call('/api/turn', { method: 'DELETE' }), 405, 'method-not-allowed')
  })
})

describe('GET /health', () => {
  it('reports D1, R2 and each Durable Object class answering', async () => {
    const res = await call('/health')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true, checks: { db: 'ok', files: 'ok', rooms: 'ok', users: 'ok', limits: 'ok' } })
  })
})

describe('security headers', () => {
  it('are on every API response, errors included', async () => {
    for (const res of [await call('/api/turn'), await call('/api/nothing-here')]) {
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
      expect(res.headers.get('X-Frame-Options')).toBe('DENY')
      expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'none'")
      expect(res.headers.get('Referrer-Policy')).toBe('no-referrer')
    }
  })
})
