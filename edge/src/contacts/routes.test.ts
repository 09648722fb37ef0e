import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { contactListSchema, searchResultsSchema, type ContactList, type SearchResults } from '../../../shared/protocol/api/contacts'
import { expectError, register, type Account } from '../../test/api'
import { befriend, openApp } from '../../test/hubClient'

async function listOf(a: Account): Promise<ContactList['contacts']> {
  const r = contactListSchema.parse(await (await a.client.call('/api/contacts', { token: a.token })).json())
  if (!r.ok) throw new Error(r.error.message)
  return r.value.contacts
}

async function search(a: Account, q: string): Promise<SearchResults['results']> {
  const res = await a.client.call(`/api/contacts/search?q=${encodeURIComponent(q)}`, { token: a.token })
  expect(res.status).toBe(200)
  const r = searchResultsSchema.parse(await res.json())
  if (!r.ok) throw new Error(r.error.message)
  return r.value.results
}

describe('search', () => {
  it('finds people by part of their name, without listing me or showing emails', async () => {
    const tag = crypto.randomUUID().slice(0, 8)
    const me = await register(`Searcher ${tag}`)
    const zoe = await register(`Zoë ${tag} Smith`)
    const results = await search(me, `${tag} sm`)
    expect(results).toEqual([{ user: { id: zoe.id, displayName: `Zoë ${tag} Smith`, avatarUrl: null }, state: 'none' }])
    expect(JSON.stringify(results)).not.toContain('@')
  })

  it('finds people by their exact email only, never by part of it', async () => {
    const me = await register('Searcher')
    const target = await register('Hidden Name')
    expect((await search(me, target.email.toUpperCase())).map((r) => r.user.id)).toEqual([target.id])
    expect(await search(me, target.email.slice(0, 12))).toEqual([])
  })

  it('treats % and _ as the characters they are', async () => {
    const me = await register('Searcher')
    const tag = crypto.randomUUID().slice(0, 8)
    await register(`100% ${tag}`)
    await register(`1000 ${tag}`)
    expect((await search(me, `100% ${tag}`)).map((r) => r.user.displayName)).toEqual([`100% ${tag}`])
    expect(await search(me, `1_0 ${tag}`)).toEqual([])
  })

  it('survives SQL in the query and finds nothing', async () => {
    const me = await register('Searcher')
    expect(await search(me, `' OR 1=1; DROP TABLE users; --`)).toEqual([])
    expect(await env.DB.prepare('SELECT count(*) AS n FROM users').first('n')).toBeGreaterThan(0)
  })

  it('refuses a query shorter than 2 characters', async () => {
    const me = await register('Searcher')
    await expectError(await me.client.call('/api/contacts/search?q=a', { token: me.token }), 400, 'bad-request')
    // A NUL would cut the pattern short in SQLite and match everyone.
    await expectError(await me.client.call('/api/contacts/search?q=%00%00', { token: me.token }), 400, 'bad-request')
    await expectError(await me.client.call('/api/contacts/search?q=%00a', { token: me.token }), 400, 'bad-request')
  })

  it('never shows me someone who blocked me', async () => {
    const tag = crypto.randomUUID().slice(0, 8)
    const me = await register(`Me ${tag}`)
    const them = await register(`Blocker ${tag}`)
    expect((await them.client.call(`/api/contacts/${me.id}/block`, { method: 'POST', token: them.token })).status).toBe(200)
    expect(await search(me, `Blocker ${tag}`)).toEqual([])
  })
})

describe('requests', () => {
  it('asks, then the other accepts: both list each other as accepted', async () => {
    const a = await register('Ada')
    const b = await register('Ben')
    const asked = await a.client.call(`/api/contacts/${b.id}/request`, { method: 'POST', token: a.token })
    expect(await asked.json()).toEqual({ state: 'outgoing' })
    expect((await listOf(b)).map((c) => [c.user.id, c.state])).toEqual([[a.id, 'incoming']])
    const accepted = await b.client.call(`/api/contacts/${a.id}/accept`, { method: 'POST', token: b.token })
    expect(await accepted.json()).toEqual({ state: 'accepted' })
    expect((await listOf(a)).map((c) => [c.user.id, c.state])).toEqual([[b.id, 'accepted']])
    expect((await listOf(b)).map((c) => [c.user.id, c.state])).toEqual([[a.id, 'accepted']])
  })

  it('tells the other side at once: their open app gets contacts-changed', async () => {
    const a = await register('Ada')
    const b = await register('Ben')
    const bApp = await openApp(b)
    await a.client.call(`/api/contacts/${b.id}/request`, { method: 'POST', token: a.token })
    await bApp.next('contacts-changed')
  })

  it('removing a contact ends it for both', async () => {
    const a = await register('Ada')
    const b = await register('Ben')
    await befriend(a, b)
    expect(await (await b.client.call(`/api/contacts/${a.id}`, { method: 'DELETE', token: b.token })).json()).toEqual({ state: 'none' })
    expect(await listOf(a)).toEqual([])
    expect(await listOf(b)).toEqual([])
  })

  it('answers an unknown or malformed user with 404 and asking oneself with 400', async () => {
    const a = await register('Ada')
    await expectError(await a.client.call('/api/contacts/AAAAAAAAAAAAAAAAAAAAAA/request', { method: 'POST', token: a.token }), 404, 'not-found')
    await expectError(await a.client.call(`/api/contacts/'%20OR%201=1/request`, { method: 'POST', token: a.token }), 404, 'not-found')
    await expectError(await a.client.call(`/api/contacts/${a.id}/request`, { method: 'POST', token: a.token }), 400, 'bad-request')
  })

  it('accepting without a request is 404, removing a blocked user is 409', async () => {
    const a = await register('Ada')
    const b = await register('Ben')
    await expectError(await a.client.call(`/api/contacts/${b.id}/accept`, { method: 'POST', token: a.token }), 404, 'not-found')
    await a.client.call(`/api/contacts/${b.id}/block`, { method: 'POST', token: a.token })
    await expectError(await a.client.call(`/api/contacts/${b.id}`, { method: 'DELETE', token: a.token }), 409, 'conflict')
  })
})

describe('block and unblock', () => {
  it('blocking a contact removes me from their list, and they cannot ask again', async () => {
    const a = await register('Ada')
    const b = await register('Ben')
    await befriend(a, b)
    expect(await (await a.client.call(`/api/contacts/${b.id}/block`, { method: 'POST', token: a.token })).json()).toEqual({ state: 'blocked' })
    expect((await listOf(a)).map((c) => c.state)).toEqual(['blocked'])
    expect(await listOf(b)).toEqual([])
    await expectError(await b.client.call(`/api/contacts/${a.id}/request`, { method: 'POST', token: b.token }), 404, 'not-found')
  })

  it('unblocking lets them ask again, without restoring the old contact', async () => {
    const a = await register('Ada')
    const b = await register('Ben')
    await befriend(a, b)
    await a.client.call(`/api/contacts/${b.id}/block`, { method: 'POST', token: a.token })
    expect(await (await a.client.call(`/api/contacts/${b.id}/unblock`, { method: 'POST', token: a.token })).json()).toEqual({ state: 'none' })
    expect(await listOf(a)).toEqual([])
    expect((await b.client.call(`/api/contacts/${a.id}/request`, { method: 'POST', token: b.token })).status).toBe(200)
  })
})

describe('presence in the contact list', () => {
  it('shows an accepted contact online while their app is open, offline once it closes', async () => {
    const a = await register('Ada')
    const b = await register('Ben')
    await befriend(a, b)
    expect((await listOf(a))[0]!.presence).toBe('offline')
    const bApp = await openApp(b)
    expect((await listOf(a))[0]!.presence).toBe('online')
    bApp.close()
    await bApp.closed
    await waitFor(async () => (await listOf(a))[0]!.presence === 'offline')
  })

  it('shares presence only with accepted contacts', async () => {
    const a = await register('Ada')
    const b = await register('Ben')
    await a.client.call(`/api/contacts/${b.id}/request`, { method: 'POST', token: a.token })
    await openApp(b)
    expect((await listOf(a))[0]).toMatchObject({ state: 'outgoing', presence: 'offline' })
  })
})

async function waitFor(check: () => Promise<boolean>, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 20))
  }
}
