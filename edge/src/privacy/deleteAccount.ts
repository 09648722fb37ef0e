/**
 * @module Deleting an account: every stored object under the user's R2 prefix, then every row of
 * theirs in one D1 batch, which also leaves the one audit entry that outlives them: the action and
 * time, with their id replaced by its SHA-256 (no IP, no user agent).
 */
import { eq, notExists, or } from 'drizzle-orm'
import { oneTimeTokens, sessions, users } from '../auth/tables'
import { contacts } from '../contacts/tables'
import type { Db } from '../db'
import { callMessages, callParticipants, calls } from '../history/tables'
import { userObjectsPrefix } from '../profiles/avatarKeys'
import { profiles } from '../profiles/tables'
import { auditLog } from './tables'

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** Deletes every object whose key starts with the user's prefix, a listing page at a time. */
export async function deleteUserObjects(files: R2Bucket, userId: string): Promise<number> {
  let deleted = 0
  let cursor: string | undefined
  do {
    const page = await files.list({ prefix: userObjectsPrefix(userId), cursor })
    if (page.objects.length > 0) await files.delete(page.objects.map((o) => o.key))
    deleted += page.objects.length
    cursor = page.truncated ? page.cursor : undefined
  } while (cursor)
  return deleted
}

/**
 * Objects first: if the rows went first and the objects then failed to go, the user's images
 * would outlive any way to find or delete them. This order can at worst leave a live account
 * without its avatar, and deleting again finishes the job.
 */
export async function deleteAccount(db: Db, files: R2Bucket, userId: string, nowMs: number): Promise<void> {
  await deleteUserObjects(files, userId)
  const userHash = await sha256Hex(userId)
  // Foreign keys would cascade most of this; each table is named anyway so the list is the spec.
  await db.batch([
    db.delete(callMessages).where(eq(callMessages.userId, userId)),
    db.delete(callParticipants).where(eq(callParticipants.userId, userId)),
    db.update(calls).set({ createdBy: null }).where(eq(calls.createdBy, userId)),
    db.delete(calls).where(notExists(db.select().from(callParticipants).where(eq(callParticipants.callId, calls.id)))),
    db.delete(contacts).where(or(eq(contacts.ownerId, userId), eq(contacts.otherId, userId))),
    db.delete(oneTimeTokens).where(eq(oneTimeTokens.userId, userId)),
    db.delete(sessions).where(eq(sessions.userId, userId)),
    db.delete(profiles).where(eq(profiles.userId, userId)),
    db.delete(users).where(eq(users.id, userId)),
    db.delete(auditLog).where(eq(auditLog.userId, userId)),
    db.insert(auditLog).values({ userId: null, userHash, action: 'account-deleted', ip: null, userAgent: null, atMs: nowMs }),
  ])
}
