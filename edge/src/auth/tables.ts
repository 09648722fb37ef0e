/** @module D1 tables for accounts and sign-in: users, sessions (one per sign-in), refresh tokens, one-time tokens. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  /** Stored lower-cased and trimmed, so `A@x.org` and `a@x.org` are one account. */
  email: text('email').notNull().unique(),
  emailVerifiedAtMs: integer('email_verified_at_ms'),
  /** PBKDF2-SHA256 output and its parameters, base64; the iteration count is kept per user so it can be raised later. */
  passwordHash: text('password_hash').notNull(),
  passwordSalt: text('password_salt').notNull(),
  passwordIterations: integer('password_iterations').notNull(),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntilMs: integer('locked_until_ms'),
  createdAtMs: integer('created_at_ms').notNull(),
})

/**
 * One row per sign-in on one device: the family every refresh token of that sign-in belongs to.
 * Access tokens name their session (`sid`), so revoking it signs that device out at once.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    userAgent: text('user_agent'),
    createdAtMs: integer('created_at_ms').notNull(),
    lastRefreshedAtMs: integer('last_refreshed_at_ms').notNull(),
    revokedAtMs: integer('revoked_at_ms'),
    revokedReason: text('revoked_reason', { enum: ['logout', 'refresh-reuse', 'password-reset', 'expired'] }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

/** Only the SHA-256 of a refresh token is stored: a leaked table cannot be replayed. */
export const refreshTokens = sqliteTable(
  'refresh_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    issuedAtMs: integer('issued_at_ms').notNull(),
    expiresAtMs: integer('expires_at_ms').notNull(),
    /** Set when the token is exchanged; a second exchange is reuse and revokes the session. */
    usedAtMs: integer('used_at_ms'),
  },
  (t) => [index('refresh_tokens_session_idx').on(t.sessionId), index('refresh_tokens_expiry_idx').on(t.expiresAtMs)],
)

/** Email verification and password reset links: single use, stored hashed, short-lived. */
export const oneTimeTokens = sqliteTable(
  'one_time_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['verify-email', 'reset-password'] }).notNull(),
    expiresAtMs: integer('expires_at_ms').notNull(),
    usedAtMs: integer('used_at_ms'),
  },
  (t) => [index('one_time_tokens_user_idx').on(t.userId), index('one_time_tokens_expiry_idx').on(t.expiresAtMs)],
)
