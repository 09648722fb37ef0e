import { createHmac } from 'node:crypto'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { turnResponseSchema } from '../../../shared/protocol/api/rooms'
import { TURN_TTL_S } from './credentials'
import { DEFAULT_STUN_URLS } from './iceServers'
import { turn as app } from './routes'

const configured = { ...env, TURN_URLS: 'turn:turn.example.com:3478?transport=udp, turns:turn.example.com:5349?transport=tcp', TURN_SECRET: 'shh' }

describe('GET /api/turn', () => {
  it('offers STUN only, with a TTL of 0, when TURN is not configured', async () => {
    const res = await app.request('/', {}, env)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(turnResponseSchema.parse(body).ok).toBe(true)
    expect(body).toEqual({ iceServers: [{ urls: DEFAULT_STUN_URLS }], ttlS: 0 })
  })

  it('offers STUN only when a TURN URL is set but the secret is not', async () => {
    const res = await app.request('/', {}, { ...env, TURN_URLS: 'turn:turn.example.com:3478' })
    expect(await res.json()).toEqual({ iceServers: [{ urls: DEFAULT_STUN_URLS }], ttlS: 0 })
  })

  it('mints a fresh credential for the configured TURN URLs, valid for 12 hours', async () => {
    const nowS = Date.now() / 1_000
    const res = await app.request('/', {}, configured)
    expect(res.status).toBe(200)
    const body = await res.json()
    const parsed = turnResponseSchema.parse(body)
    if (!parsed.ok) throw new Error(parsed.error.message)
    const turn = parsed.value.iceServers.find((s) => s.username)!
    expect(turn.urls).toEqual(['turn:turn.example.com:3478?transport=udp', 'turns:turn.example.com:5349?transport=tcp'])
    const [expiry, id] = turn.username!.split(':')
    expect(Number(expiry)).toBeGreaterThanOrEqual(Math.floor(nowS) + TURN_TTL_S)
    expect(Number(expiry)).toBeLessThanOrEqual(Math.ceil(nowS) + TURN_TTL_S + 5)
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(turn.credential).toBe(createHmac('sha1', 'shh').update(turn.username!).digest('base64'))
    expect(parsed.value.ttlS).toBe(TURN_TTL_S)
  })

  it('asks clients to relay all media when TURN_RELAY_ONLY is set', async () => {
    const body = await (await app.request('/', {}, { ...configured, TURN_RELAY_ONLY: 'true' })).json()
    expect(turnResponseSchema.parse(body).ok).toBe(true)
    expect(body).toMatchObject({ iceTransportPolicy: 'relay' })
  })

  it('ignores TURN_RELAY_ONLY while no TURN server is configured, which would leave no route', async () => {
    const body = await (await app.request('/', {}, { ...env, TURN_RELAY_ONLY: 'true' })).json()
    expect(body).toEqual({ iceServers: [{ urls: DEFAULT_STUN_URLS }], ttlS: 0 })
  })

  it('never lets a cache keep the credentials', async () => {
    const res = await app.request('/', {}, configured)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
  })

  it('gives each request its own username', async () => {
    const names = await Promise.all(
      [1, 2, 3].map(async () => {
        const body = (await (await app.request('/', {}, configured)).json()) as { iceServers: { username?: string }[] }
        return body.iceServers.find((s) => s.username)!.username
      }),
    )
    expect(new Set(names).size).toBe(3)
  })
})
