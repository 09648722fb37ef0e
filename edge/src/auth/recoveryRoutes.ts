/**
 * @module `/api/auth/verify-email*` and `/api/auth/password-reset*`: single-use links sent by mail.
 * Asking for a reset answers 202 whether or not the address has an account, so the form cannot be
 * used to find out who is registered.
 */
import { and, eq, isNull, sql } from 'drizzle-orm'
import { Hono } from 'hono'
import {
  ACCOUNT_LINK_PATHS,
  normalizeEmail,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  verifyEmailRequestSchema,
} from '../../../shared/protocol/api/auth'
import { makeDb } from '../db'
import { ApiError } from '../http/errors'
import { jsonBody } from '../http/jsonBody'
import { auditEntry, requestMeta } from '../privacy/audit'
import { hubOf } from '../presence/hubOf'
import { clearFailedLogins } from './lockout'
import { makeLogMailer, accountLink, sendVerificationMail } from './mail'
import { claimOneTimeToken, createOneTimeToken } from './oneTimeTokens'
import { assertStrongPassword, hashPassword } from './password'
import { requireUser, type AuthEnv } from './requireUser'
import { sessions, users } from './tables'

const invalidLink = () => new ApiError(400, 'token-invalid', 'This link is not valid any more: it was used, has expired, or was mistyped.')

export const recoveryRoutes = new Hono<AuthEnv>()
  .post('/verify-email', jsonBody(verifyEmailRequestSchema), async (c) => {
    const db = makeDb(c.env.DB)
    const nowMs = Date.now()
    const userId = await claimOneTimeToken(db, c.req.valid('json').token, 'verify-email', nowMs)
    if (!userId) throw invalidLink()
    await db.batch([
      db.update(users).set({ emailVerifiedAtMs: nowMs }).where(eq(users.id, userId)),
      auditEntry(db, userId, 'email-verified', requestMeta(c.req.raw), nowMs),
    ])
    return c.body(null, 204)
  })

  .post('/verify-email/send', requireUser, async (c) => {
    const db = makeDb(c.env.DB)
    const nowMs = Date.now()
    const { userId } = c.var.caller
    const user = await db.select({ email: users.email, verifiedAtMs: users.emailVerifiedAtMs }).from(users).where(eq(users.id, userId)).get()
    if (!user) throw new ApiError(401, 'session-revoked', 'This account no longer exists.')
    if (user.verifiedAtMs !== null) return c.body(null, 204)
    const verification = await createOneTimeToken(db, userId, 'verify-email', nowMs)
    await db.batch([...verification.writes, auditEntry(db, userId, 'email-verification-sent', requestMeta(c.req.raw), nowMs)])
    await sendVerificationMail(c.req.url, user.email, verification.token)
    return c.body(null, 202)
  })

  .post('/password-reset', jsonBody(passwordResetRequestSchema), async (c) => {
    const db = makeDb(c.env.DB)
    const nowMs = Date.now()
    const email = normalizeEmail(c.req.valid('json').email)
    const user = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()
    if (user) {
      const reset = await createOneTimeToken(db, user.id, 'reset-password', nowMs)
      await db.batch([...reset.writes, auditEntry(db, user.id, 'password-reset-requested', requestMeta(c.req.raw), nowMs)])
      await makeLogMailer().send({
        to: email,
        subject: 'Reset your SilentTalk password',
        text: `Someone asked to reset the password of this account. If it was you, open this link within an hour:\n${accountLink(c.req.url, ACCOUNT_LINK_PATHS.resetPassword, reset.token)}\nIf it was not you, ignore this mail: nothing changes.`,
      })
    }
    return c.body(null, 202)
  })

  .post('/password-reset/confirm', jsonBody(passwordResetConfirmSchema), async (c) => {
    const { token, password } = c.req.valid('json')
    assertStrongPassword(password)
    const db = makeDb(c.env.DB)
    const nowMs = Date.now()
    const hashed = await hashPassword(password)
    const userId = await claimOneTimeToken(db, token, 'reset-password', nowMs)
    if (!userId) throw invalidLink()
    // The new password, the unlock and signing out every device land together or not at all.
    await db.batch([
      db
        .update(users)
        .set({
          passwordHash: hashed.hash,
          passwordSalt: hashed.salt,
          passwordIterations: hashed.iterations,
          // The link arrived by mail, so the address is proven.
          emailVerifiedAtMs: sql`COALESCE(${users.emailVerifiedAtMs}, ${nowMs})`,
        })
        .where(eq(users.id, userId)),
      clearFailedLogins(db, userId),
      db
        .update(sessions)
        .set({ revokedAtMs: nowMs, revokedReason: 'password-reset' })
        .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAtMs))),
      auditEntry(db, userId, 'password-reset', requestMeta(c.req.raw), nowMs),
    ])
    await hubOf(c.env, userId).signOut()
    return c.body(null, 204)
  })
