/** @module D1 table of relationships: one row per direction, so each side's view is one indexed lookup. */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from '../auth/tables'

/**
 * `owner`'s view of `other`: `outgoing` (owner asked), `incoming` (other asked), `accepted` (both
 * rows), `blocked` (owner blocked other; other keeps no row, so they see nothing).
 */
export const contacts = sqliteTable(
  'contacts',
  {
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    otherId: text('other_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    state: text('state', { enum: ['outgoing', 'incoming', 'accepted', 'blocked'] }).notNull(),
    updatedAtMs: integer('updated_at_ms').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ownerId, t.otherId] }), index('contacts_other_idx').on(t.otherId)],
)
