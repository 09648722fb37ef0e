/**
 * @module `/api/profile` (my name, sign language, caption preferences and avatar) and
 * `/api/avatars/:userId/:version` (anyone's avatar, public and cached for a year: each upload gets
 * a new version in its URL, so a cached copy is never stale).
 */
import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { MAX_AVATAR_BYTES, profilePatchSchema, type Profile } from '../../../shared/protocol/api/profile'
import { isId, randomId } from '../../../shared/protocol/ids'
import { requireUser, type AuthEnv } from '../auth/requireUser'
import { makeDb } from '../db'
import type { Env } from '../env'
import { ApiError } from '../http/errors'
import { jsonBody, readBodyCapped } from '../http/jsonBody'
import { hubOf } from '../presence/hubOf'
import { avatarKey } from './avatarKeys'
import { toProfile } from './profileView'
import { sniffImageType } from './sniffImageType'
import { profiles } from './tables'

const AVATAR_CACHE = 'public, max-age=31536000, immutable'

async function loadProfile(env: Env, userId: string): Promise<Profile> {
  const row = await makeDb(env.DB).select().from(profiles).where(eq(profiles.userId, userId)).get()
  if (!row) throw new ApiError(401, 'session-revoked', 'This account no longer exists.')
  return toProfile(row)
}

/** Every other open app of the user picks up the change at once (caption preferences follow the user). */
async function shareProfile(env: Env, userId: string, profile: Profile) {
  await hubOf(env, userId).deliver({ type: 'profile', profile })
}

export const profileRoutes = new Hono<AuthEnv>()
  .use(requireUser)
  .get('/', async (c) => c.json(await loadProfile(c.env, c.var.caller.userId)))

  .patch('/', jsonBody(profilePatchSchema), async (c) => {
    const patch = c.req.valid('json')
    const { userId } = c.var.caller
    await makeDb(c.env.DB)
      .update(profiles)
      .set({
        ...(patch.displayName !== undefined && { displayName: patch.displayName.trim() }),
        ...(patch.signLanguage !== undefined && { signLanguage: patch.signLanguage }),
        ...(patch.captionPrefs !== undefined && { captionPrefs: JSON.stringify(patch.captionPrefs) }),
        updatedAtMs: Date.now(),
      })
      .where(eq(profiles.userId, userId))
    const profile = await loadProfile(c.env, userId)
    await shareProfile(c.env, userId, profile)
    return c.json(profile)
  })

  .put('/avatar', async (c) => {
    const { userId } = c.var.caller
    const bytes = await readBodyCapped(c.req.raw, MAX_AVATAR_BYTES)
    const contentType = sniffImageType(bytes)
    if (!contentType) throw new ApiError(415, 'unsupported-media-type', 'The avatar must be a PNG, JPEG, WebP or GIF image.')
    const version = randomId()
    await c.env.FILES.put(avatarKey(userId, version), bytes, { httpMetadata: { contentType, cacheControl: AVATAR_CACHE } })
    const db = makeDb(c.env.DB)
    const before = await db.select({ version: profiles.avatarVersion }).from(profiles).where(eq(profiles.userId, userId)).get()
    await db.update(profiles).set({ avatarVersion: version, avatarContentType: contentType, updatedAtMs: Date.now() }).where(eq(profiles.userId, userId))
    if (before?.version) await c.env.FILES.delete(avatarKey(userId, before.version))
    const profile = await loadProfile(c.env, userId)
    await shareProfile(c.env, userId, profile)
    return c.json(profile)
  })

  .delete('/avatar', async (c) => {
    const { userId } = c.var.caller
    const db = makeDb(c.env.DB)
    const before = await db.select({ version: profiles.avatarVersion }).from(profiles).where(eq(profiles.userId, userId)).get()
    await db.update(profiles).set({ avatarVersion: null, avatarContentType: null, updatedAtMs: Date.now() }).where(eq(profiles.userId, userId))
    if (before?.version) await c.env.FILES.delete(avatarKey(userId, before.version))
    const profile = await loadProfile(c.env, userId)
    await shareProfile(c.env, userId, profile)
    return c.json(profile)
  })

export const avatarRoutes = new Hono<AuthEnv>().get('/:userId/:version', async (c) => {
  const { userId, version } = c.req.param()
  if (!isId(userId) || !isId(version)) throw new ApiError(404, 'not-found', 'No such avatar.')
  const object = await c.env.FILES.get(avatarKey(userId, version))
  if (!object) throw new ApiError(404, 'not-found', 'No such avatar.')
  const headers = new Headers({
    'Content-Type': object.httpMetadata?.contentType ?? 'application/octet-stream',
    'Cache-Control': AVATAR_CACHE,
    ETag: object.httpEtag,
    // An image, never a document: even a browser that ignored the type could not run it.
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cross-Origin-Resource-Policy': 'same-site',
  })
  if (c.req.header('If-None-Match') === object.httpEtag) {
    await object.body.cancel()
    return c.body(null, 304, Object.fromEntries(headers))
  }
  headers.set('Content-Length', String(object.size))
  return new Response(object.body, { headers })
})
