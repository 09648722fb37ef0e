/** @module The signed-in user's own view of their account: `Me`. */
import { eq, sql } from 'drizzle-orm'
import type { Me } from '../../../shared/protocol/api/auth'
import type { Db } from '../db'
import { toProfile } from '../profiles/profileView'
import { profiles } from '../profiles/tables'
import { sessions, users } from './tables'

const meSelect = (db: Db) =>
  db
    .select({ user: { id: users.id, email: users.email, emailVerifiedAtMs: users.emailVerifiedAtMs }, profile: profiles })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))

type MeRow = Awaited<ReturnType<ReturnType<typeof meSelect>['all']>>[number]

export const toMe = (row: MeRow): Me => ({
  id: row.user.id,
  email: row.user.email,
  emailVerified: row.user.emailVerifiedAtMs !== null,
  profile: toProfile(row.profile),
})

/** The query for the owner of a session, so it can join the batch that refreshes that session. */
export const meOfSession = (db: Db, sessionId: string) =>
  meSelect(db).where(eq(users.id, sql`(SELECT ${sessions.userId} FROM ${sessions} WHERE ${sessions.id} = ${sessionId})`))

export async function loadMe(db: Db, userId: string): Promise<Me | null> {
  const row = await meSelect(db).where(eq(users.id, userId)).get()
  return row ? toMe(row) : null
}
