/** @module Loads the signed-in user's own view of their account: `Me`. */
import { eq } from 'drizzle-orm'
import type { Me } from '../../../shared/protocol/api/auth'
import type { Db } from '../db'
import { toProfile } from '../profiles/profileView'
import { profiles } from '../profiles/tables'
import { users } from './tables'

export async function loadMe(db: Db, userId: string): Promise<Me | null> {
  const row = await db
    .select({ user: { id: users.id, email: users.email, emailVerifiedAtMs: users.emailVerifiedAtMs }, profile: profiles })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(eq(users.id, userId))
    .get()
  if (!row) return null
  return { id: row.user.id, email: row.user.email, emailVerified: row.user.emailVerifiedAtMs !== null, profile: toProfile(row.profile) }
}
