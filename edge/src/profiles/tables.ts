/** @module D1 table for what a user shows others and the preferences their devices share. */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from '../auth/tables'

export const profiles = sqliteTable('profiles', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  displayName: text('display_name').notNull(),
  /** ISO 639-3 code of a sign language (`shared/protocol/api/profile.ts`). */
  signLanguage: text('sign_language').notNull(),
  /** Caption preferences as JSON, validated by `captionPrefsSchema` on the way in and out. */
  captionPrefs: text('caption_prefs').notNull(),
  /** Changes with every upload, so the avatar URL can be cached forever (`avatarUrl`). */
  avatarVersion: text('avatar_version'),
  avatarContentType: text('avatar_content_type'),
  updatedAtMs: integer('updated_at_ms').notNull(),
})
