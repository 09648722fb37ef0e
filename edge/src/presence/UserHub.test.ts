import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { PRESENCE_TIMEOUT_MS } from '../../../shared/protocol/api/presence'
import { randomId } from '../../../shared/protocol/ids'
import { expectError, register, type Account } from '../../test/api'
import { befriend, openApp, ticketFor } from '../../test/hubClient'
import { jwtSecret, signPresenceTicket } from '../auth/tokens'

const hub = (userId: string) => env.USERS.get(env.USERS.idFromName(userId))
const joinCall = (a: Account, callId: string) =>
  a.client.call(`/api/calls/${callId}/join`, { token: a.token, json: { displayName: a.session.me.profile.displayName } })

describe('the presence socket', () => {
  it('opens only with a valid ticket', async () => {
    const a = await register()
    const upgrade = { headers: { Upgrade: 'websocket' } }
    await expectError(await a.client.call('/api/presence/socket', upgrade), 401, 'token-invalid')
    await expectError(await a.client.call(`/api/presence/socket?ticket=${a.token}`, upgrade), 401, 'token-invalid')
    const sid = (await env.DB.prepare('SELECT id FROM sessions WHERE user_id = ?').bind(a.id).first<string>('id'))!
    const old = await signPresenceTicket({ userId: a.id, sessionId: sid }, jwtSecret({}, 'http://localhost/'), Date.now() - 120_000)
    await expectError(await a.client.call(`/api/presence/socket?ticket=${old.token}`, upgrade), 401, 'token-expired')
    await expectError(await a.client.call(`/api/presence/socket?ticket=${await ticketFor(a)}`), 426, 'bad-request')
  })

  it('answers heartbeats, and anything else with an error frame while staying open', async () => {
    const a = await register()
    const app = await openApp(a)
    const pong = new Promise((resolve) => app.ws.addEventListener('message', (e) => e.data === 'pong' && resolve(e.data)))
    app.ws.send('ping')
    expect(await pong).toBe('pong')
    app.ws.send('{"type":"presence","userId":"x","status":"online"}')
    expect((await app.next('error')).message).toMatch(/heartbeats/)
    expect(app.ws.readyState).toBe(WebSocket.OPEN)
  })
})

describe('presence pushed to contacts', () => {
  it('online when an app opens, in a call while in one, online after it, offline when the last app closes', async () => {
    const a = await register('Ada')
    const b = await register('Ben')
    await befriend(a, b)
    const bApp = await openApp(b)
    const isA = (f: { userId: string }) => f.userId === a.id

    const laptop = await openApp(a)
    expect((await bApp.next('presence', isA)).status).toBe('online')
    const phone = await openApp(a)

    const callId = randomId()
    expect((await joinCall(a, callId)).status).toBe(204)
    expect((await bApp.next('presence', isA)).status).toBe('in-call')
    expect((await a.client.call(`/api/calls/${callId}/leave`, { method: 'POST', token: a.token })).status).toBe(204)
    expect((await bApp.next('presence', isA)).status).toBe('online')

    laptop.close()
    await laptop.closed
    expect(await hub(a.id).presence()).toBe('online')
    phone.close()
    await phone.closed
    expect((await bApp.next('presence', isA)).status).toBe('offline')
    expect(bApp.pending().filter((f) => f.type === 'presence')).toEqual([])
  })

  it('is not pushed to people who are not accepted contacts', async () => {
    const a = await register('Ada')
    const b = await register('Ben')
    await a.client.call(`/api/contacts/${b.id}/request`, { method: 'POST', token: a.token })
    const bApp = await openApp(b)
    await openApp(a)
    await new Promise((r) => setTimeout(r, 200))
    expect(bApp.pending().filter((f) => f.type === 'presence')).toEqual([])
  })

  it('closes an app that stopped answering heartbeats, and its contacts see it go offline', async () => {
    const a = await register('Ada')
    const b = await register('Ben')
    await befriend(a, b)
    const bApp = await openApp(b)
    const aApp = await openApp(a)
    await bApp.next('presence', (f) => f.userId === a.id && f.status === 'online')
    // Pretend the app connected long ago and never pinged since.
    await runInDurableObject(hub(a.id), (_, state) => {
      for (const ws of state.getWebSockets()) ws.serializeAttachment({ ...ws.deserializeAttachment(), connectedAtMs: Date.now() - PRESENCE_TIMEOUT_MS - 1 })
    })
    expect(await runDurableObjectAlarm(hub(a.id))).toBe(true)
    expect(await aApp.closed).toBe(4001)
    expect((await bApp.next('presence', (f) => f.userId === a.id)).status).toBe('offline')
  })

  it('ends my part in a call when my app vanished mid-call and did not come back', async () => {
    const a = await register('Ada')
    const app = await openApp(a)
    const callId = randomId()
    await joinCall(a, callId)
    app.close()
    await app.closed
    await new Promise((r) => setTimeout(r, 50))
    const lostAtMs = await runInDurableObject(hub(a.id), async (_, state) => {
      const inCall = (await state.storage.get<{ callId: string; lostAtMs: number }>('inCall'))!
      expect(inCall.callId).toBe(callId)
      expect(inCall.lostAtMs).not.toBeNull()
      await state.storage.put('inCall', { ...inCall, lostAtMs: inCall.lostAtMs - PRESENCE_TIMEOUT_MS })
      return inCall.lostAtMs - PRESENCE_TIMEOUT_MS
    })
    expect(await runDurableObjectAlarm(hub(a.id))).toBe(true)
    const row = await env.DB.prepare('SELECT left_at_ms FROM call_participants WHERE call_id = ? AND user_id = ?').bind(callId, a.id).first()
    expect(row).toEqual({ left_at_ms: lostAtMs })
    expect(await env.DB.prepare('SELECT ended_at_ms FROM calls WHERE id = ?').bind(callId).first('ended_at_ms')).toBe(lostAtMs)
  })

  it('signing out closes that device’s app with signed-out', async () => {
    const a = await register()
    const app = await openApp(a)
    await a.client.call('/api/auth/logout', { method: 'POST', token: a.token })
    await app.next('signed-out')
    expect(await app.closed).toBe(4001)
  })
})
