import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { callDetailSchema, historyPageSchema, HISTORY_PAGE_SIZE, type CallDetail, type HistoryPage } from '../../../shared/protocol/api/history'
import { randomId } from '../../../shared/protocol/ids'
import { expectError, register, type Account } from '../../test/api'
import { befriend, openApp } from '../../test/hubClient'

const join = (a: Account, callId: string, displayName = a.session.me.profile.displayName) =>
  a.client.call(`/api/calls/${callId}/join`, { token: a.token, json: { displayName } })
const leave = (a: Account, callId: string) => a.client.call(`/api/calls/${callId}/leave`, { method: 'POST', token: a.token })
const say = (a: Account, callId: string, text: string) => a.client.call(`/api/calls/${callId}/messages`, { token: a.token, json: { text } })

async function history(a: Account, query = ''): Promise<HistoryPage> {
  const res = await a.client.call(`/api/history${query}`, { token: a.token })
  expect(res.status).toBe(200)
  const r = historyPageSchema.parse(await res.json())
  if (!r.ok) throw new Error(`${r.error.path} ${r.error.message}`)
  return r.value
}

async function detail(a: Account, callId: string): Promise<CallDetail> {
  const res = await a.client.call(`/api/history/${callId}`, { token: a.token })
  expect(res.status).toBe(200)
  const r = callDetailSchema.parse(await res.json())
  if (!r.ok) throw new Error(`${r.error.path} ${r.error.message}`)
  return r.value
}

describe('recording a call', () => {
  it('records who joined and left, and the call from first join to last leave with its duration', async () => {
    const a = await register('Ada')
    const b = await register('Ben')
    const callId = randomId()
    expect((await join(a, callId)).status).toBe(204)
    expect((await join(b, callId, 'Ben on phone')).status).toBe(204)
    expect((await leave(a, callId)).status).toBe(204)
    expect((await history(a)).calls[0]).toMatchObject({ id: callId, kind: 'link', endedAtMs: null, durationS: null })
    await env.DB.prepare('UPDATE calls SET started_at_ms = started_at_ms - 95000 WHERE id = ?').bind(callId).run()
    expect((await leave(b, callId)).status).toBe(204)
    for (const who of [a, b]) {
      const call = (await history(who)).calls[0]!
      expect(call.id).toBe(callId)
      expect(call.endedAtMs).not.toBeNull()
      expect(call.durationS).toBeGreaterThanOrEqual(95)
      expect(call.durationS).toBeLessThan(100)
      expect(call.participants.map((p) => [p.user.id, p.displayName, p.joinedAtMs !== null, p.leftAtMs !== null])).toEqual([
        [a.id, 'Ada', true, true],
        [b.id, 'Ben on phone', true, true],
      ])
    }
  })

  it('a rejoin reopens the call', async () => {
    const a = await register('Ada')
    const callId = randomId()
    await join(a, callId)
    await leave(a, callId)
    await join(a, callId)
    expect((await history(a)).calls[0]).toMatchObject({ endedAtMs: null })
  })

  it('leaving a call I am not in is 404; a malformed call id is 404', async () => {
    const a = await register('Ada')
    await expectError(await leave(a, randomId()), 404, 'not-found')
    await expectError(await join(a, 'not-a-call-id'), 404, 'not-found')
  })

  it('refuses a join without a usable name', async () => {
    const a = await register('Ada')
    await expectError(await join(a, randomId(), '   '), 400, 'bad-request')
  })

  it('direct calls show who rang whom, and a missed call is in both histories', async () => {
    const a = await register('Ada')
    const b = await register('Ben')
    await befriend(a, b)
    const res = await a.client.call('/api/ring', { token: a.token, json: { calleeId: b.id } })
    const { callId } = (await res.json()) as { callId: string }
    expect((await history(a)).calls[0]).toMatchObject({ id: callId, kind: 'direct', direction: 'outgoing', ringState: 'missed', startedAtMs: null })
    expect((await history(b)).calls[0]).toMatchObject({ id: callId, kind: 'direct', direction: 'incoming', ringState: 'missed' })
  })
})

describe('chat kept with the call', () => {
  it('keeps what signed-in participants said, for everyone who was in the call', async () => {
    const a = await register('Ada')
    const b = await register('Ben')
    const callId = randomId()
    await join(a, callId)
    await join(b, callId)
    const script = '<img src=x onerror=alert(1)> Robert\'); DROP TABLE call_messages;--'
    expect((await say(a, callId, 'hello Ben')).status).toBe(201)
    expect((await say(b, callId, script)).status).toBe(201)
    for (const who of [a, b]) {
      const { messages } = await detail(who, callId)
      expect(messages.map((m) => [m.userId, m.displayName, m.text])).toEqual([
        [a.id, 'Ada', 'hello Ben'],
        [b.id, 'Ben', script],
      ])
    }
  })

  it('refuses chat from someone not in the call, or who left it', async () => {
    const a = await register('Ada')
    const callId = randomId()
    await expectError(await say(a, callId, 'hi'), 403, 'forbidden')
    await join(a, callId)
    await leave(a, callId)
    await expectError(await say(a, callId, 'hi'), 403, 'forbidden')
  })

  it('refuses an empty, blank, control-character or over-long message', async () => {
    const a = await register('Ada')
    const callId = randomId()
    await join(a, callId)
    await expectError(await say(a, callId, ''), 400, 'bad-request')
    await expectError(await say(a, callId, '  \n '), 400, 'bad-request')
    await expectError(await say(a, callId, 'a\u0007b'), 400, 'bad-request')
    await expectError(await say(a, callId, 'x'.repeat(2_001)), 400, 'bad-request')
  })

  it('a call is not readable by someone who was not in it', async () => {
    const a = await register('Ada')
    const b = await register('Ben')
    const callId = randomId()
    await join(a, callId)
    await expectError(await b.client.call(`/api/history/${callId}`, { token: b.token }), 404, 'not-found')
  })
})

describe('listing and searching history', () => {
  it('lists newest first, a page at a time, neither skipping nor repeating calls made in the same millisecond', async () => {
    const a = await register('Ada')
    const ids: string[] = []
    for (let i = 0; i < HISTORY_PAGE_SIZE + 4; i++) {
      const callId = randomId()
      ids.push(callId)
      await join(a, callId)
      // Pairs of calls share a millisecond, one pair straddling the page break.
      await env.DB.prepare('UPDATE calls SET created_at_ms = ? WHERE id = ?').bind(1_000_000 + Math.floor(i / 2), callId).run()
    }
    const newestFirst = ids
      .map((id, i) => ({ id, ms: 1_000_000 + Math.floor(i / 2) }))
      .sort((x, y) => y.ms - x.ms || (x.id < y.id ? 1 : -1))
      .map((c) => c.id)
    const first = await history(a)
    expect(first.calls.map((c) => c.id)).toEqual(newestFirst.slice(0, HISTORY_PAGE_SIZE))
    expect(first.nextBefore).toMatch(/^\d+\.[A-Za-z0-9_-]{22}$/)
    const second = await history(a, `?before=${first.nextBefore}`)
    expect(second.calls.map((c) => c.id)).toEqual(newestFirst.slice(HISTORY_PAGE_SIZE))
    expect(second.nextBefore).toBeNull()
  })

  it('finds calls by the name of someone else in them, or by what was said', async () => {
    const tag = crypto.randomUUID().slice(0, 6)
    const a = await register(`Ada ${tag}`)
    const b = await register(`Zed ${tag}`)
    const withZed = randomId()
    const aboutBudget = randomId()
    await join(a, withZed)
    await join(b, withZed)
    await join(a, aboutBudget)
    await say(a, aboutBudget, 'the 100% budget_plan')
    expect((await history(a, `?q=zed`)).calls.map((c) => c.id)).toEqual([withZed])
    expect((await history(a, `?q=${encodeURIComponent('100% budget_')}`)).calls.map((c) => c.id)).toEqual([aboutBudget])
    // My own name matches nothing: every call has me in it.
    expect((await history(a, `?q=${encodeURIComponent(`Ada ${tag}`)}`)).calls).toEqual([])
    expect((await history(a, `?q=${encodeURIComponent("' OR '1'='1")}`)).calls).toEqual([])
  })

  it('stops answering the moment the session ends, though the access token has not expired', async () => {
    const a = await register('Ada')
    const callId = randomId()
    await join(a, callId)
    await a.client.call('/api/auth/logout', { method: 'POST', token: a.token })
    await expectError(await a.client.call('/api/history', { token: a.token }), 401, 'session-revoked')
    await expectError(await a.client.call(`/api/history/${callId}`, { token: a.token }), 401, 'session-revoked')
    await expectError(await a.client.call('/api/history', { token: `${a.token}x` }), 401, 'token-invalid')
  })

  it('refuses a malformed query', async () => {
    const a = await register('Ada')
    await expectError(await a.client.call('/api/history?before=yesterday', { token: a.token }), 400, 'bad-request')
    await expectError(await a.client.call('/api/history?before=1000', { token: a.token }), 400, 'bad-request')
    await expectError(await a.client.call(`/api/history?q=${'x'.repeat(101)}`, { token: a.token }), 400, 'bad-request')
    await expectError(await a.client.call('/api/history?limit=5', { token: a.token }), 400, 'bad-request')
    // A NUL cut the pattern short in D1, and the search matched every call.
    await expectError(await a.client.call('/api/history?q=%00', { token: a.token }), 400, 'bad-request')
    await expectError(await a.client.call('/api/history?q=a%07b', { token: a.token }), 400, 'bad-request')
  })

  it('removes a call from my history only; the record goes when nobody has it', async () => {
    const a = await register('Ada')
    const b = await register('Ben')
    const callId = randomId()
    await join(a, callId)
    await join(b, callId)
    await say(a, callId, 'kept for Ben')
    expect((await a.client.call(`/api/history/${callId}`, { method: 'DELETE', token: a.token })).status).toBe(204)
    expect((await history(a)).calls).toEqual([])
    expect((await detail(b, callId)).messages.map((m) => m.text)).toEqual(['kept for Ben'])
    expect((await b.client.call(`/api/history/${callId}`, { method: 'DELETE', token: b.token })).status).toBe(204)
    expect(await env.DB.prepare('SELECT count(*) AS n FROM calls WHERE id = ?').bind(callId).first('n')).toBe(0)
    expect(await env.DB.prepare('SELECT count(*) AS n FROM call_messages WHERE call_id = ?').bind(callId).first('n')).toBe(0)
  })
})

describe('presence follows calls', () => {
  it('joining marks me in a call for my contacts', async () => {
    const a = await register('Ada')
    const b = await register('Ben')
    await befriend(a, b)
    const bApp = await openApp(b)
    await openApp(a)
    await join(a, randomId())
    await bApp.next('presence', (f) => f.userId === a.id && f.status === 'in-call')
  })
})
