/**
 * @module `/api/auth`: register, sign in, refresh, sign out, and the list of signed-in devices.
 * Email verification and password reset are in `recoveryRoutes.ts`, mounted on the same path.
 */
import { and, desc, eq, isNull } from 'drizzle-orm'
import { Hono, type Context } from 'hono'
import {
  loginRequestSchema,
  normalizeEmail,
  registerRequestSchema,
  type Me,
  type SessionInfo,
  type SessionResponse,
} from '../../../shared/protocol/api/auth'
import { DEFAULT_CAPTION_PREFS } from '../../../shared/protocol/api/profile'
import { isId, randomId } from '../../../shared/protocol/ids'
import { makeDb, type Db } from '../db'
import { ApiError } from '../http/errors'
import { jsonBody } from '../http/jsonBody'
import { auditEntry, requestMeta } from '../privacy/audit'
import { hubOf } from '../presence/hubOf'
import { profiles } from '../profiles/tables'
import { clearFailedLogins, lockRemainingMs, recordFailedLogin } from './lockout'
import { loadMe } from './me'
import { createOneTimeToken } from './oneTimeTokens'
import { assertStrongPassword, hashForNobody, hashPassword, verifyPassword } from './password'
import { sendVerificationMail } from './mail'
import { clearedRefreshCookie, readRefreshCookie, refreshCookie } from './refreshCookie'
import { requireUser, type AuthEnv } from './requireUser'
import { openSession, revokeSession, rotateRefreshToken, sessionOfRefreshToken } from './sessions'
import { sessions, users } from './tables'
import { bearerToken, jwtSecret, signAccessToken, verifyAccessToken } from './tokens'

/** Signs an access token for a session and answers with it, setting the new refresh cookie. */
async function sessionResponse(
  c: Context<AuthEnv>,
  db: Db,
  claims: { userId: string; sessionId: string },
  refreshToken: string,
  status: 200 | 201 = 200,
  known?: Me,
) {
  const me = known ?? (await loadMe(db, claims.userId))
  if (!me) throw new ApiError(401, 'session-revoked', 'This account no longer exists.')
  const access = await signAccessToken(claims, jwtSecret(c.env, c.req.url))
  const body: SessionResponse = { accessToken: access.token, accessExpiresAtMs: access.expiresAtMs, me }
  return c.json(body, status, { 'Set-Cookie': refreshCookie(refreshToken, c.req.url), 'Cache-Control': 'no-store' })
}

const invalidCredentials = () => new ApiError(401, 'invalid-credentials', 'The email or password is wrong.')
const locked = (remainingMs: number) =>
  new ApiError(423, 'account-locked', 'Too many failed sign-ins: try again later or reset your password.', {
    'Retry-After': String(Math.ceil(remainingMs / 1000)),
  })

export const authRoutes = new Hono<AuthEnv>()
  .post('/register', jsonBody(registerRequestSchema), async (c) => {
    const body = c.req.valid('json')
    assertStrongPassword(body.password)
    const email = normalizeEmail(body.email)
    const db = makeDb(c.env.DB)
    if (await db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
      throw new ApiError(409, 'email-taken', 'An account with this email exists; sign in instead.')
    }
    const nowMs = Date.now()
    const meta = requestMeta(c.req.raw)
    const userId = randomId()
    const password = await hashPassword(body.password)
    const session = await openSession(db, userId, meta, nowMs)
    const verification = await createOneTimeToken(db, userId, 'verify-email', nowMs)
    try {
      await db.batch([
        db.insert(users).values({
          id: userId,
          email,
          passwordHash: password.hash,
          passwordSalt: password.salt,
          passwordIterations: password.iterations,
          createdAtMs: nowMs,
        }),
        db.insert(profiles).values({
          userId,
          displayName: body.displayName.trim(),
          signLanguage: body.signLanguage ?? 'other',
          captionPrefs: JSON.stringify(DEFAULT_CAPTION_PREFS),
          updatedAtMs: nowMs,
        }),
        ...session.writes,
        ...verification.writes,
        auditEntry(db, userId, 'register', meta, nowMs),
      ])
    } catch (e) {
      // Two registrations raced past the check above; the unique index on email refused the second.
      if (String((e as Error).cause ?? e).includes('UNIQUE')) throw new ApiError(409, 'email-taken', 'An account with this email exists.')
      throw e
    }
    await sendVerificationMail(c.req.url, email, verification.token)
    return sessionResponse(c, db, { userId, sessionId: session.sessionId }, session.refreshToken, 201)
  })

  .post('/login', jsonBody(loginRequestSchema), async (c) => {
    const { email, password } = c.req.valid('json')
    const db = makeDb(c.env.DB)
    const nowMs = Date.now()
    const meta = requestMeta(c.req.raw)
    const user = await db.select().from(users).where(eq(users.email, normalizeEmail(email))).get()
    if (!user) {
      await hashForNobody(password)
      await auditEntry(db, null, 'login-failed', meta, nowMs)
      throw invalidCredentials()
    }
    const remainingMs = lockRemainingMs(user.lockedUntilMs, nowMs)
    if (remainingMs > 0) throw locked(remainingMs)
    const stored = { hash: user.passwordHash, salt: user.passwordSalt, iterations: user.passwordIterations }
    if (!(await verifyPassword(password, stored))) {
      const lockedUntilMs = await recordFailedLogin(db, user.id, nowMs)
      await auditEntry(db, user.id, lockedUntilMs ? 'account-locked' : 'login-failed', meta, nowMs)
      throw lockedUntilMs ? locked(lockedUntilMs - nowMs) : invalidCredentials()
    }
    const session = await openSession(db, user.id, meta, nowMs)
    await db.batch([clearFailedLogins(db, user.id), ...session.writes, auditEntry(db, user.id, 'login', meta, nowMs)])
    return sessionResponse(c, db, { userId: user.id, sessionId: session.sessionId }, session.refreshToken)
  })

  .post('/refresh', async (c) => {
    const presented = readRefreshCookie(c)
    const cleared = { 'Set-Cookie': clearedRefreshCookie(c.req.url) }
    if (!presented) throw new ApiError(401, 'unauthorized', 'There is no sign-in to refresh.', cleared)
    const db = makeDb(c.env.DB)
    const nowMs = Date.now()
    const r = await rotateRefreshToken(db, presented, nowMs)
    if (!r.ok) {
      if (r.error.problem === 'refresh-reused') {
        await auditEntry(db, r.error.userId ?? null, 'refresh-reuse', requestMeta(c.req.raw), nowMs)
        if (r.error.userId && r.error.sessionId) await hubOf(c.env, r.error.userId).closeSession(r.error.sessionId)
        throw new ApiError(401, 'refresh-reused', 'This sign-in was used from two places and has been ended; sign in again.', cleared)
      }
      throw new ApiError(401, r.error.problem, 'Your sign-in has ended; sign in again.', cleared)
    }
    return sessionResponse(c, db, r.value, r.value.refreshToken, 200, r.value.me)
  })

  .post('/logout', async (c) => {
    const db = makeDb(c.env.DB)
    const nowMs = Date.now()
    const ended = new Map<string, string>()
    const presented = readRefreshCookie(c)
    const fromCookie = presented ? await sessionOfRefreshToken(db, presented) : undefined
    if (fromCookie) ended.set(fromCookie.sessionId, fromCookie.userId)
    const bearer = bearerToken(c.req.header('Authorization'))
    const claims = bearer ? await verifyAccessToken(bearer, jwtSecret(c.env, c.req.url)) : null
    if (claims?.ok) ended.set(claims.value.sessionId, claims.value.userId)
    const meta = requestMeta(c.req.raw)
    for (const [sessionId, userId] of ended) {
      await db.batch([revokeSession(db, sessionId, 'logout', nowMs), auditEntry(db, userId, 'logout', meta, nowMs)])
      await hubOf(c.env, userId).closeSession(sessionId)
    }
    return c.body(null, 204, { 'Set-Cookie': clearedRefreshCookie(c.req.url) })
  })

  .get('/me', requireUser, async (c) => {
    const me = await loadMe(makeDb(c.env.DB), c.var.caller.userId)
    if (!me) throw new ApiError(401, 'session-revoked', 'This account no longer exists.')
    return c.json(me)
  })

  .get('/sessions', requireUser, async (c) => {
    const rows = await makeDb(c.env.DB)
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, c.var.caller.userId), isNull(sessions.revokedAtMs)))
      .orderBy(desc(sessions.lastRefreshedAtMs))
      .all()
    const list: SessionInfo[] = rows.map((s) => ({
      id: s.id,
      userAgent: s.userAgent ?? '',
      createdAtMs: s.createdAtMs,
      lastRefreshedAtMs: s.lastRefreshedAtMs,
      current: s.id === c.var.caller.sessionId,
    }))
    return c.json({ sessions: list })
  })

  .delete('/sessions/:id', requireUser, async (c) => {
    const id = c.req.param('id')
    if (!isId(id)) throw new ApiError(404, 'not-found', 'No such session.')
    const db = makeDb(c.env.DB)
    const nowMs = Date.now()
    const revoked = await db
      .update(sessions)
      .set({ revokedAtMs: nowMs, revokedReason: 'logout' })
      .where(and(eq(sessions.id, id), eq(sessions.userId, c.var.caller.userId), isNull(sessions.revokedAtMs)))
      .returning({ id: sessions.id })
      .get()
    if (!revoked) throw new ApiError(404, 'not-found', 'No such session.')
    await auditEntry(db, c.var.caller.userId, 'session-revoked', requestMeta(c.req.raw), nowMs)
    await hubOf(c.env, c.var.caller.userId).closeSession(id)
    return c.body(null, 204)
  })
