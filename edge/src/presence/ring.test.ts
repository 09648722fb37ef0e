import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { ringResponseSchema, type RingResponse } from '../../../shared/protocol/api/presence'
import { expectError, register, type Account } from '../../test/api'
import { befriend, openApp } from '../../test/hubClient'
import type { PendingRing } from './UserHub'

const hub = (userId: string) => env.USERS.get(env.USERS.idFromName(userId))

async function ring(caller: Account, callee: Account): Promise<RingResponse> {
  const res = await caller.client.call('/api/ring', { token: caller.token, json: { calleeId: callee.id } })
  expect(res.status).toBe(201)
  const r = ringResponseSchema.parse(await res.json())
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

const answer = (callee: Account, callId: string, accept: boolean) =>
  callee.client.call(`/api/ring/${callId}/answer`, { token: callee.token, json: { accept } })

const ringState = (callId: string) => env.DB.prepare('SELECT ring_state FROM calls WHERE id = ?').bind(callId).first('ring_state')

async function pair() {
  const caller = await register('Caro Caller')
  const callee = await register('Cal Callee')
  await befriend(caller, callee)
  return { caller, callee }
}

describe('calling a contact', () => {
  it('rings every open app of the callee with who is calling; accepting tells the caller and stops the ring everywhere', async () => {
    const { caller, callee } = await pair()
    const callerApp = await openApp(caller)
    const calleeLaptop = await openApp(callee)
    const calleePhone = await openApp(callee)
    const { callId, delivered } = await ring(caller, callee)
    expect(delivered).toBe(true)
    for (const app of [calleeLaptop, calleePhone]) {
      const frame = await app.next('ring')
      expect(frame).toMatchObject({ callId, from: { id: caller.id, displayName: 'Caro Caller', avatarUrl: null } })
    }
    expect((await answer(callee, callId, true)).status).toBe(204)
    expect(await callerApp.next('call-answered')).toEqual({ type: 'call-answered', callId, reason: 'accepted' })
    for (const app of [calleeLaptop, calleePhone]) expect(await app.next('ring-ended')).toEqual({ type: 'ring-ended', callId, reason: 'accepted' })
    expect(await ringState(callId)).toBe('accepted')
  })

  it('an app opened while a call is ringing rings too', async () => {
    const { caller, callee } = await pair()
    await openApp(callee)
    const { callId } = await ring(caller, callee)
    const late = await openApp(callee)
    expect((await late.next('ring')).callId).toBe(callId)
  })

  it('declining tells the caller', async () => {
    const { caller, callee } = await pair()
    const callerApp = await openApp(caller)
    await openApp(callee)
    const { callId } = await ring(caller, callee)
    expect((await answer(callee, callId, false)).status).toBe(204)
    expect((await callerApp.next('call-answered')).reason).toBe('declined')
    expect(await ringState(callId)).toBe('declined')
  })

  it('the caller can hang up while it rings, and the callee stops ringing', async () => {
    const { caller, callee } = await pair()
    const calleeApp = await openApp(callee)
    const { callId } = await ring(caller, callee)
    expect((await caller.client.call(`/api/ring/${callId}/cancel`, { method: 'POST', token: caller.token })).status).toBe(204)
    expect((await calleeApp.next('ring-ended')).reason).toBe('cancelled')
    await expectError(await answer(callee, callId, true), 409, 'ring-over')
  })

  it('a callee with no app open gets a missed call at once', async () => {
    const { caller, callee } = await pair()
    const { callId, delivered } = await ring(caller, callee)
    expect(delivered).toBe(false)
    expect(await ringState(callId)).toBe('missed')
  })

  it('a ring nobody answers times out as missed, for both sides', async () => {
    const { caller, callee } = await pair()
    const callerApp = await openApp(caller)
    const calleeApp = await openApp(callee)
    const { callId } = await ring(caller, callee)
    await calleeApp.next('ring')
    // Thirty seconds pass.
    await env.DB.prepare('UPDATE calls SET ring_expires_at_ms = ? WHERE id = ?').bind(Date.now() - 1, callId).run()
    await runInDurableObject(hub(callee.id), async (_, state) => {
      const key = `ring:${callId}`
      await state.storage.put(key, { ...(await state.storage.get<PendingRing>(key))!, expiresAtMs: Date.now() - 1 })
    })
    expect(await runDurableObjectAlarm(hub(callee.id))).toBe(true)
    expect((await calleeApp.next('ring-ended')).reason).toBe('missed')
    expect((await callerApp.next('call-answered')).reason).toBe('missed')
    expect(await ringState(callId)).toBe('missed')
    await expectError(await answer(callee, callId, true), 409, 'ring-over')
  })

  it('of two answers racing, exactly one counts', async () => {
    const { caller, callee } = await pair()
    await openApp(callee)
    const { callId } = await ring(caller, callee)
    const statuses = (await Promise.all([answer(callee, callId, true), answer(callee, callId, false)])).map((r) => r.status).sort()
    expect(statuses).toEqual([204, 409])
  })

  it('only contacts can be called, and only the callee can answer', async () => {
    const { caller, callee } = await pair()
    const stranger = await register('Stranger')
    await expectError(await stranger.client.call('/api/ring', { token: stranger.token, json: { calleeId: callee.id } }), 403, 'not-a-contact')
    await openApp(callee)
    const { callId } = await ring(caller, callee)
    await expectError(await answer(caller, callId, true), 404, 'not-found')
    await expectError(await answer(stranger, callId, true), 404, 'not-found')
    await expectError(await stranger.client.call(`/api/ring/${callId}/cancel`, { method: 'POST', token: stranger.token }), 404, 'not-found')
  })

  it('a contact who blocked me can no longer be called', async () => {
    const { caller, callee } = await pair()
    await callee.client.call(`/api/contacts/${caller.id}/block`, { method: 'POST', token: callee.token })
    await expectError(await caller.client.call('/api/ring', { token: caller.token, json: { calleeId: callee.id } }), 403, 'not-a-contact')
  })

  it('refuses a malformed ring request', async () => {
    const { caller } = await pair()
    await expectError(await caller.client.call('/api/ring', { token: caller.token, json: { calleeId: 42 } }), 400, 'bad-request')
    await expectError(await caller.client.call('/api/ring', { token: caller.token, json: {} }), 400, 'bad-request')
  })
})
