/**
 * @module `/api/profile` and `/api/avatars`: the name and face others see, the sign language a user
 * prefers, and caption preferences kept on the server so every device of theirs shows captions alike.
 */
import { boolean, nullable, number, object, oneOf, optional, string, type Infer } from '../../schema'
import { ID_PATTERN } from '../ids'

export const MAX_DISPLAY_NAME_CHARS = 64
export const MAX_AVATAR_BYTES = 2 * 1024 * 1024
export const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const
export type AvatarType = (typeof AVATAR_TYPES)[number]

/** ISO 639-3 codes of sign languages, with the name each community uses in English. */
export const SIGN_LANGUAGES = {
  ase: 'American Sign Language (ASL)',
  bfi: 'British Sign Language (BSL)',
  asf: 'Auslan',
  nzs: 'New Zealand Sign Language',
  isg: 'Irish Sign Language',
  fsl: 'French Sign Language (LSF)',
  gsg: 'German Sign Language (DGS)',
  ssp: 'Spanish Sign Language (LSE)',
  ise: 'Italian Sign Language (LIS)',
  bzs: 'Brazilian Sign Language (Libras)',
  mfs: 'Mexican Sign Language (LSM)',
  ins: 'Indian Sign Language',
  jsl: 'Japanese Sign Language',
  kvk: 'Korean Sign Language',
  csl: 'Chinese Sign Language',
  other: 'Another sign language',
} as const
export type SignLanguage = keyof typeof SIGN_LANGUAGES
export const signLanguageSchema = oneOf(Object.keys(SIGN_LANGUAGES) as SignLanguage[])

/**
 * Names are shown as text everywhere: control characters and bidirectional overrides would only hide
 * or reverse what they say, and a name of spaces or invisible characters says nothing.
 */
export const displayNameSchema = string({ min: 1, max: MAX_DISPLAY_NAME_CHARS, pattern: /^(?=.*[\p{L}\p{N}\p{P}\p{S}])[^\p{Cc}\u202A-\u202E\u2066-\u2069]+$/u })

export const captionPrefsSchema = object({
  size: oneOf(['small', 'medium', 'large', 'x-large'] as const),
  position: oneOf(['bottom', 'top'] as const),
  contrast: oneOf(['standard', 'high'] as const),
  /** Show letters and words while they are still being recognised, before the sign is final. */
  showInterim: boolean(),
})
export type CaptionPrefs = Infer<typeof captionPrefsSchema>
export const DEFAULT_CAPTION_PREFS: CaptionPrefs = { size: 'large', position: 'bottom', contrast: 'standard', showInterim: true }

export const profileSchema = object({
  displayName: displayNameSchema,
  signLanguage: signLanguageSchema,
  captionPrefs: captionPrefsSchema,
  /** Absolute path on this origin; changes with every upload. */
  avatarUrl: nullable(string({ max: 200 })),
  updatedAtMs: number({ min: 0, int: true }),
})
export type Profile = Infer<typeof profileSchema>

/** `PATCH /api/profile`: any subset; `captionPrefs` is replaced whole. */
export const profilePatchSchema = object({
  displayName: optional(displayNameSchema),
  signLanguage: optional(signLanguageSchema),
  captionPrefs: optional(captionPrefsSchema),
})
export type ProfilePatch = Infer<typeof profilePatchSchema>

/** What anyone who can see a user is shown: in contacts, search, call history. */
export const userCardSchema = object({
  id: string({ min: 22, max: 22, pattern: ID_PATTERN }),
  displayName: displayNameSchema,
  avatarUrl: nullable(string({ max: 200 })),
})
export type UserCard = Infer<typeof userCardSchema>

/** The public, cache-forever URL of one version of a user's avatar. */
export const avatarUrl = (userId: string, version: string | null): string | null =>
  version === null ? null : `/api/avatars/${userId}/${version}`
