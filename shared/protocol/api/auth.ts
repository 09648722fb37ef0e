/**
 * @module `/api/auth/*`: register, sign in, refresh, sign out, email verification and password reset.
 * The refresh token never appears in a body: it travels only in an HttpOnly cookie scoped to
 * `/api/auth`, so script injected into the page cannot read it.
 */
import { array, boolean, number, object, optional, string, type Infer } from '../../schema'
import { ID_PATTERN } from '../ids'
import { profileSchema, signLanguageSchema, displayNameSchema } from './profile'

export const ACCESS_TOKEN_TTL_S = 30 * 60
export const REFRESH_TOKEN_TTL_S = 7 * 24 * 60 * 60
export const REFRESH_COOKIE = 'st_refresh'
export const PASSWORD_MIN_CHARS = 8
/** PBKDF2 hashes any length at the same cost; the cap only keeps bodies small. */
export const PASSWORD_MAX_CHARS = 256
export const MAX_EMAIL_CHARS = 254

export type PasswordProblem = 'too-short' | 'too-long' | 'no-upper' | 'no-lower' | 'no-digit' | 'no-symbol'

/**
 * The password rules (issue #7): at least 8 characters with an upper-case letter, a lower-case
 * letter, a digit and a symbol. Letters and digits of any script count; a symbol is anything that
 * is neither nor a space. Shared so the sign-up form shows the same rules the edge enforces.
 */
export function passwordProblems(password: string): PasswordProblem[] {
  const problems: PasswordProblem[] = []
  const chars = [...password].length
  if (chars < PASSWORD_MIN_CHARS) problems.push('too-short')
  if (chars > PASSWORD_MAX_CHARS) problems.push('too-long')
  if (!/\p{Lu}/u.test(password)) problems.push('no-upper')
  if (!/\p{Ll}/u.test(password)) problems.push('no-lower')
  if (!/\p{Nd}/u.test(password)) problems.push('no-digit')
  if (!/[^\p{L}\p{N}\s]/u.test(password)) problems.push('no-symbol')
  return problems
}

/** Trimmed and lower-cased: the one spelling an address is stored and looked up under. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase()

export const emailSchema = string({ min: 3, max: MAX_EMAIL_CHARS, pattern: /^\s*[^\s@]+@[^\s@]+\.[^\s@]+\s*$/ })
/** Length only: the rules are checked by `passwordProblems`, so the error can name each one. */
const passwordSchema = string({ min: 1, max: PASSWORD_MAX_CHARS * 4 })
const tokenSchema = string({ min: 20, max: 200, pattern: /^[A-Za-z0-9_-]+$/ })

export const registerRequestSchema = object({
  email: emailSchema,
  password: passwordSchema,
  displayName: displayNameSchema,
  signLanguage: optional(signLanguageSchema),
})
export type RegisterRequest = Infer<typeof registerRequestSchema>

export const loginRequestSchema = object({ email: emailSchema, password: passwordSchema })
export type LoginRequest = Infer<typeof loginRequestSchema>

export const meSchema = object({
  id: string({ min: 22, max: 22, pattern: ID_PATTERN }),
  email: emailSchema,
  emailVerified: boolean(),
  profile: profileSchema,
})
export type Me = Infer<typeof meSchema>

/** Answer to register, login and refresh. The refresh token rides in `Set-Cookie`. */
export const sessionResponseSchema = object({
  accessToken: string({ min: 1, max: 2_048 }),
  accessExpiresAtMs: number({ min: 0, int: true }),
  me: meSchema,
})
export type SessionResponse = Infer<typeof sessionResponseSchema>

export const verifyEmailRequestSchema = object({ token: tokenSchema })
export const passwordResetRequestSchema = object({ email: emailSchema })
export const passwordResetConfirmSchema = object({ token: tokenSchema, password: passwordSchema })

/** Where the web app opens the links in verification and reset mails. */
export const ACCOUNT_LINK_PATHS = { verifyEmail: '/account/verify', resetPassword: '/account/reset' } as const

/** `GET /api/auth/sessions`: the devices signed in, so a user can sign out of one they lost. */
export const sessionInfoSchema = object({
  id: string({ min: 22, max: 22, pattern: ID_PATTERN }),
  userAgent: string({ max: 512 }),
  createdAtMs: number({ min: 0, int: true }),
  lastRefreshedAtMs: number({ min: 0, int: true }),
  current: boolean(),
})
export type SessionInfo = Infer<typeof sessionInfoSchema>
export const sessionListSchema = object({ sessions: array(sessionInfoSchema, { max: 1_000 }) })
export type SessionList = Infer<typeof sessionListSchema>
