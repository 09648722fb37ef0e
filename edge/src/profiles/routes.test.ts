import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CAPTION_PREFS, MAX_AVATAR_BYTES, profileSchema, type Profile } from '../../../shared/protocol/api/profile'
import { client, expectError, register } from '../../test/api'
import { userObjectsPrefix } from './avatarKeys'

// A real 1×1 PNG.
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (ch) =>
  ch.charCodeAt(0),
)

const readProfile = async (res: Response): Promise<Profile> => {
  const r = profileSchema.parse(await res.json())
  if (!r.ok) throw new Error(`${r.error.path} ${r.error.message}`)
  return r.value
}

describe('profile', () => {
  it('starts with the name given at sign-up and default caption preferences', async () => {
    const a = await register('Bea')
    const profile = await readProfile(await a.client.call('/api/profile', { token: a.token }))
    expect(profile).toMatchObject({ displayName: 'Bea', signLanguage: 'other', captionPrefs: DEFAULT_CAPTION_PREFS, avatarUrl: null })
  })

  it('updates any subset of name, sign language and caption preferences, and every device reads the same', async () => {
    const a = await register('Bea')
    const captionPrefs = { size: 'x-large', position: 'top', contrast: 'high', showInterim: false } as const
    const res = await a.client.call('/api/profile', { method: 'PATCH', token: a.token, json: { signLanguage: 'asf', captionPrefs } })
    expect(await readProfile(res)).toMatchObject({ displayName: 'Bea', signLanguage: 'asf', captionPrefs })
    const phone = client()
    const login = await phone.call('/api/auth/login', { json: { email: a.email, password: a.password } })
    const { accessToken } = (await login.json()) as { accessToken: string }
    expect(await readProfile(await phone.call('/api/profile', { token: accessToken }))).toMatchObject({ signLanguage: 'asf', captionPrefs })
  })

  it.each([
    [{ displayName: '' }, /^displayName /],
    [{ displayName: 'x'.repeat(65) }, /^displayName /],
    [{ displayName: 'bell\u0007' }, /^displayName /],
    [{ signLanguage: 'klingon' }, /^signLanguage /],
    [{ captionPrefs: { size: 'huge', position: 'top', contrast: 'high', showInterim: true } }, /^captionPrefs\.size /],
    [{ captionPrefs: { size: 'large' } }, /^captionPrefs\.position /],
    [{ email: 'new@example.org' }, /^email is not allowed/],
  ])('refuses the patch %j with 400 bad-request naming the field', async (patch, field) => {
    const a = await register()
    const body = await expectError(await a.client.call('/api/profile', { method: 'PATCH', token: a.token, json: patch }), 400, 'bad-request')
    expect(body.error.message).toMatch(field)
  })

  it('needs a signed-in user', async () => {
    await expectError(await client().call('/api/profile'), 401, 'unauthorized')
  })
})

describe('avatar', () => {
  it('stores an uploaded image in R2 and serves it back with its sniffed type and a year of caching', async () => {
    const a = await register()
    // The claimed type is ignored: the bytes decide.
    const res = await a.client.call('/api/profile/avatar', { method: 'PUT', token: a.token, body: PNG, headers: { 'Content-Type': 'text/html' } })
    expect(res.status).toBe(200)
    const { avatarUrl } = await readProfile(res)
    expect(avatarUrl).toMatch(new RegExp(`^/api/avatars/${a.id}/[A-Za-z0-9_-]{22}$`))
    const image = await client().call(avatarUrl!)
    expect(image.status).toBe(200)
    expect(image.headers.get('Content-Type')).toBe('image/png')
    expect(image.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    expect(image.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG)
    const again = await client().call(avatarUrl!, { headers: { 'If-None-Match': image.headers.get('ETag')! } })
    expect(again.status).toBe(304)
  })

  it('replaces the old image on a new upload, so only one is kept', async () => {
    const a = await register()
    const first = (await readProfile(await a.client.call('/api/profile/avatar', { method: 'PUT', token: a.token, body: PNG }))).avatarUrl!
    const second = (await readProfile(await a.client.call('/api/profile/avatar', { method: 'PUT', token: a.token, body: PNG }))).avatarUrl!
    expect(second).not.toBe(first)
    expect((await client().call(first)).status).toBe(404)
    expect((await env.FILES.list({ prefix: userObjectsPrefix(a.id) })).objects).toHaveLength(1)
  })

  it('refuses bytes that are not a PNG, JPEG, WebP or GIF (SVG included) with 415, storing nothing', async () => {
    const a = await register()
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    const res = await a.client.call('/api/profile/avatar', { method: 'PUT', token: a.token, body: svg, headers: { 'Content-Type': 'image/png' } })
    await expectError(res, 415, 'unsupported-media-type')
    expect((await env.FILES.list({ prefix: userObjectsPrefix(a.id) })).objects).toHaveLength(0)
  })

  it('refuses an image over 2 MB with 413, storing nothing', async () => {
    const a = await register()
    const big = new Uint8Array(MAX_AVATAR_BYTES + 1)
    big.set(PNG)
    await expectError(await a.client.call('/api/profile/avatar', { method: 'PUT', token: a.token, body: big }), 413, 'payload-too-large')
    expect((await env.FILES.list({ prefix: userObjectsPrefix(a.id) })).objects).toHaveLength(0)
  })

  // The refused upload is cut off mid-stream, which workerd logs as "Network connection lost".
  it('counts the bytes of a body sent without Content-Length', async () => {
    const a = await register()
    const chunk = new Uint8Array(512 * 1024)
    chunk.set(PNG)
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(chunk)
        controller.close()
      },
    })
    await expectError(await a.client.call('/api/profile/avatar', { method: 'PUT', token: a.token, body: stream }), 413, 'payload-too-large')
  })

  it('takes an image of exactly 2 MB', async () => {
    const a = await register()
    const max = new Uint8Array(MAX_AVATAR_BYTES)
    max.set(PNG)
    expect((await a.client.call('/api/profile/avatar', { method: 'PUT', token: a.token, body: max })).status).toBe(200)
  })

  it('removes the avatar on DELETE, from the profile and from R2', async () => {
    const a = await register()
    const url = (await readProfile(await a.client.call('/api/profile/avatar', { method: 'PUT', token: a.token, body: PNG }))).avatarUrl!
    const res = await a.client.call('/api/profile/avatar', { method: 'DELETE', token: a.token })
    expect((await readProfile(res)).avatarUrl).toBeNull()
    expect((await client().call(url)).status).toBe(404)
    expect((await env.FILES.list({ prefix: userObjectsPrefix(a.id) })).objects).toHaveLength(0)
  })

  it('answers an unknown or malformed avatar URL with 404', async () => {
    await expectError(await client().call('/api/avatars/AAAAAAAAAAAAAAAAAAAAAA/AAAAAAAAAAAAAAAAAAAAAA'), 404, 'not-found')
    await expectError(await client().call('/api/avatars/..%2F..%2Fetc/passwd'), 404, 'not-found')
  })
})
