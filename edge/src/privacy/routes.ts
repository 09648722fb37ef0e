/**
 * @module `/api/privacy`: `GET /export` (everything held about me, as a JSON download) and
 * `DELETE /account` (confirmed with my password; removes every row and stored object of mine).
 */
import { eq, or } from 'drizzle-orm'
import { Hono } from 'hono'
import { deleteAccountRequestSchema } from '../../../shared/protocol/api/privacy'
import { lockRemainingMs, recordFailedLogin } from '../auth/lockout'
import { verifyPassword } from '../auth/password'
import { clearedRefreshCookie } from '../auth/refreshCookie'
import { requireUser, type AuthEnv } from '../auth/requireUser'
import { users } from '../auth/tables'
import { contacts } from '../contacts/tables'
import { makeDb } from '../db'
import { ApiError } from '../http/errors'
import { jsonBody } from '../http/jsonBody'
import { hubOf } from '../presence/hubOf'
import { auditEntry, requestMeta } from './audit'
import { deleteAccount } from './deleteAccount'
import { exportData } from './exportData'

export const privacyRoutes = new Hono<AuthEnv>()
  .use(requireUser)
  .get('/export', async (c) => {
    const { userId } = c.var.caller
    const db = makeDb(c.env.DB)
    const nowMs = Date.now()
    // Recorded first, so the export includes the fact that it was made.
    await auditEntry(db, userId, 'privacy-export', requestMeta(c.req.raw), nowMs)
    const data = await exportData(db, c.env.FILES, userId, nowMs)
    if (!data) throw new ApiError(401, 'session-revoked', 'This account no longer exists.')
    return c.json(data, 200, {
      'Content-Disposition': 'attachment; filename="silenttalk-export.json"',
      'Cache-Control': 'no-store',
    })
  })

  .delete('/account', jsonBody(deleteAccountRequestSchema), async (c) => {
    const { userId } = c.var.caller
    const db = makeDb(c.env.DB)
    const nowMs = Date.now()
    const user = await db.select().from(users).where(eq(users.id, userId)).get()
    if (!user) throw new ApiError(401, 'session-revoked', 'This account no longer exists.')
    // The password is the confirmation, so guessing it here counts toward the same lockout as sign-in.
    const remainingMs = lockRemainingMs(user.lockedUntilMs, nowMs)
    if (remainingMs > 0) {
      throw new ApiError(423, 'account-locked', 'Too many wrong passwords; try again later.', { 'Retry-After': String(Math.ceil(remainingMs / 1000)) })
    }
    const stored = { hash: user.passwordHash, salt: user.passwordSalt, iterations: user.passwordIterations }
    if (!(await verifyPassword(c.req.valid('json').password, stored))) {
      await recordFailedLogin(db, userId, nowMs)
      await auditEntry(db, userId, 'login-failed', requestMeta(c.req.raw), nowMs)
      throw new ApiError(401, 'invalid-credentials', 'The password is wrong; the account was not deleted.')
    }
    const related = await db
      .select({ ownerId: contacts.ownerId, otherId: contacts.otherId })
      .from(contacts)
      .where(or(eq(contacts.ownerId, userId), eq(contacts.otherId, userId)))
      .all()
    await deleteAccount(db, c.env.FILES, userId, nowMs)
    const formerContacts = new Set(related.flatMap((r) => [r.ownerId, r.otherId]).filter((id) => id !== userId))
    await hubOf(c.env, userId).signOut()
    await Promise.allSettled([...formerContacts].map((id) => hubOf(c.env, id).deliver({ type: 'contacts-changed' })))
    return c.body(null, 204, { 'Set-Cookie': clearedRefreshCookie(c.req.url) })
  })
