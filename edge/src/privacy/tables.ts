/** @module D1 audit log of auth and privacy events, kept 90 days (`AUDIT_RETENTION_MS`). */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * No foreign key to `users`: an entry must outlive nothing but be removable on deletion, which
 * `privacy/deleteAccount` does explicitly, leaving one entry that holds only a hash of the id.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id'),
    /** SHA-256 of the id of a deleted account; set only on the entry deletion leaves behind. */
    userHash: text('user_hash'),
    action: text('action').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    atMs: integer('at_ms').notNull(),
  },
  (t) => [index('audit_log_user_idx').on(t.userId), index('audit_log_at_idx').on(t.atMs)],
)
