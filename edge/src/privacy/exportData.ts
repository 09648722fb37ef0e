/** @module Everything held about one user, gathered for `GET /api/privacy/export`. */
import { asc, eq, inArray } from 'drizzle-orm'
import { EXPORT_VERSION } from '../../../shared/protocol/api/privacy'
import { sessions, users } from '../auth/tables'
import { contacts } from '../contacts/tables'
import type { Db } from '../db'
import { toBase64 } from '../auth/encoding'
import { callMessages, callParticipants, calls } from '../history/tables'
import { avatarKey } from '../profiles/avatarKeys'
import { toProfile } from '../profiles/profileView'
import { profiles } from '../profiles/tables'
import { auditLog } from './tables'

export async function exportData(db: Db, files: R2Bucket, userId: string, nowMs: number) {
  const user = await db.select().from(users).where(eq(users.id, userId)).get()
  const profile = await db.select().from(profiles).where(eq(profiles.userId, userId)).get()
  if (!user || !profile) return null
  const [sessionRows, contactRows, participation, messages, audit] = await Promise.all([
    db.select().from(sessions).where(eq(sessions.userId, userId)).all(),
    db
      .select({ userId: contacts.otherId, displayName: profiles.displayName, state: contacts.state, updatedAtMs: contacts.updatedAtMs })
      .from(contacts)
      .innerJoin(profiles, eq(profiles.userId, contacts.otherId))
      .where(eq(contacts.ownerId, userId))
      .all(),
    db
      .select({ call: calls, me: callParticipants })
      .from(callParticipants)
      .innerJoin(calls, eq(calls.id, callParticipants.callId))
      .where(eq(callParticipants.userId, userId))
      .all(),
    db.select().from(callMessages).where(eq(callMessages.userId, userId)).all(),
    db.select().from(auditLog).where(eq(auditLog.userId, userId)).all(),
  ])
  const others =
    participation.length === 0
      ? []
      : await db
          .select({ callId: callParticipants.callId, displayName: callParticipants.displayName })
          .from(callParticipants)
          .where(inArray(callParticipants.callId, participation.map((p) => p.call.id)))
          .orderBy(asc(callParticipants.joinedAtMs), asc(callParticipants.displayName))
          .all()
  const avatar = profile.avatarVersion ? await files.get(avatarKey(userId, profile.avatarVersion)) : null
  return {
    version: EXPORT_VERSION,
    exportedAtMs: nowMs,
    account: {
      id: user.id,
      email: user.email,
      emailVerifiedAtMs: user.emailVerifiedAtMs,
      createdAtMs: user.createdAtMs,
      failedLogins: user.failedLogins,
      lockedUntilMs: user.lockedUntilMs,
    },
    profile: toProfile(profile),
    // The image itself, so the export is complete without following a link.
    avatar: avatar
      ? { contentType: avatar.httpMetadata?.contentType ?? null, base64: toBase64(new Uint8Array(await avatar.arrayBuffer())) }
      : null,
    sessions: sessionRows.map((s) => ({
      id: s.id,
      userAgent: s.userAgent,
      createdAtMs: s.createdAtMs,
      lastRefreshedAtMs: s.lastRefreshedAtMs,
      revokedAtMs: s.revokedAtMs,
      revokedReason: s.revokedReason,
    })),
    contacts: contactRows,
    calls: participation.map(({ call, me }) => ({
      id: call.id,
      kind: call.kind,
      role: me.role,
      myDisplayName: me.displayName,
      joinedAtMs: me.joinedAtMs,
      leftAtMs: me.leftAtMs,
      startedAtMs: call.startedAtMs,
      endedAtMs: call.endedAtMs,
      ringState: call.ringState,
      participants: others.filter((o) => o.callId === call.id).map((o) => o.displayName),
    })),
    messages: messages.map((m) => ({ callId: m.callId, text: m.text, sentAtMs: m.sentAtMs })),
    auditLog: audit.map((a) => ({ action: a.action, ip: a.ip, userAgent: a.userAgent, atMs: a.atMs })),
  }
}
