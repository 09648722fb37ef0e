/** @module Turns stored profile rows into the shapes the API returns. */
import {
  avatarUrl,
  captionPrefsSchema,
  DEFAULT_CAPTION_PREFS,
  signLanguageSchema,
  type CaptionPrefs,
  type Profile,
  type UserCard,
} from '../../../shared/protocol/api/profile'
import type { profiles } from './tables'

type ProfileRow = typeof profiles.$inferSelect

/** A row written before a preference was added (or otherwise unreadable) falls back to defaults. */
export function readCaptionPrefs(json: string): CaptionPrefs {
  try {
    const r = captionPrefsSchema.parse(JSON.parse(json))
    return r.ok ? r.value : DEFAULT_CAPTION_PREFS
  } catch {
    return DEFAULT_CAPTION_PREFS
  }
}

export const toProfile = (row: ProfileRow): Profile => ({
  displayName: row.displayName,
  signLanguage: signLanguageSchema.parse(row.signLanguage).ok ? (row.signLanguage as Profile['signLanguage']) : 'other',
  captionPrefs: readCaptionPrefs(row.captionPrefs),
  avatarUrl: avatarUrl(row.userId, row.avatarVersion),
  updatedAtMs: row.updatedAtMs,
})

export const toUserCard = (row: Pick<ProfileRow, 'userId' | 'displayName' | 'avatarVersion'>): UserCard => ({
  id: row.userId,
  displayName: row.displayName,
  avatarUrl: avatarUrl(row.userId, row.avatarVersion),
})
