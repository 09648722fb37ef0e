/** @module D1 tables for calls signed-in users took part in: the call, who was in it, and its chat. */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from '../auth/tables'

export const calls = sqliteTable(
  'calls',
  {
    /** The room id of `/call/<id>`. */
    id: text('id').primaryKey(),
    /** `direct`: one contact rang another; `link`: joined through a shared link. */
    kind: text('kind', { enum: ['direct', 'link'] }).notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAtMs: integer('created_at_ms').notNull(),
    /** Direct calls only: how the ring ended. */
    ringState: text('ring_state', { enum: ['ringing', 'accepted', 'declined', 'missed', 'cancelled'] }),
    ringExpiresAtMs: integer('ring_expires_at_ms'),
    /** First signed-in join and last signed-in leave; both null for a call nobody joined. */
    startedAtMs: integer('started_at_ms'),
    endedAtMs: integer('ended_at_ms'),
  },
  (t) => [index('calls_created_idx').on(t.createdAtMs)],
)

export const callParticipants = sqliteTable(
  'call_participants',
  {
    callId: text('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['caller', 'callee', 'member'] }).notNull(),
    /** The name shown in the call, kept as it was then. */
    displayName: text('display_name').notNull(),
    /** Null for a callee who never picked up. */
    joinedAtMs: integer('joined_at_ms'),
    leftAtMs: integer('left_at_ms'),
  },
  (t) => [primaryKey({ columns: [t.callId, t.userId] }), index('call_participants_user_idx').on(t.userId)],
)

export const callMessages = sqliteTable(
  'call_messages',
  {
    id: text('id').primaryKey(),
    callId: text('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    displayName: text('display_name').notNull(),
    text: text('text').notNull(),
    sentAtMs: integer('sent_at_ms').notNull(),
  },
  (t) => [index('call_messages_call_idx').on(t.callId, t.sentAtMs), index('call_messages_user_idx').on(t.userId)],
)
