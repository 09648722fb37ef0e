/** @module Single-use tokens for email verification and password reset links, stored hashed. */
import { and, eq, gt, isNull } from 'drizzle-orm'
import type { Db } from '../db'
import { randomToken, sha256Base64Url } from './encoding'
import { oneTimeTokens } from './tables'

export type OneTimePurpose = (typeof oneTimeTokens.$inferSelect)['purpose']

export const ONE_TIME_TTL_MS: Record<OneTimePurpose, number> = {
  'verify-email': 24 * 60 * 60 * 1000,
  // Short: a reset link sitting in a mailbox is a key to the account.
  'reset-password': 60 * 60 * 1000,
}

/** A new token, and the writes that store it and void any earlier unused one of the same purpose. */
export async function createOneTimeToken(db: Db, userId: string, purpose: OneTimePurpose, nowMs: number) {
  const token = randomToken()
  const writes = [
    db
      .delete(oneTimeTokens)
      .where(and(eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAtMs))),
    db.insert(oneTimeTokens).values({
      tokenHash: await sha256Base64Url(token),
      userId,
      purpose,
      expiresAtMs: nowMs + ONE_TIME_TTL_MS[purpose],
    }),
  ] as const
  return { token, writes }
}

/** Marks the token used in one conditional UPDATE and returns its user, or null if it is unknown, used or expired. */
export async function claimOneTimeToken(db: Db, token: string, purpose: OneTimePurpose, nowMs: number): Promise<string | null> {
  const row = await db
    .update(oneTimeTokens)
    .set({ usedAtMs: nowMs })
    .where(
      and(
        eq(oneTimeTokens.tokenHash, await sha256Base64Url(token)),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAtMs),
        gt(oneTimeTokens.expiresAtMs, nowMs),
      ),
    )
    .returning({ userId: oneTimeTokens.userId })
    .get()
  return row?.userId ?? null
}
