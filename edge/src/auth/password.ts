/**
 * @module Password hashing: PBKDF2-SHA256 in WebCrypto with a 16-byte random salt per user.
 * 100,000 iterations is the most Cloudflare's production runtime allows (deriveBits refuses more;
 * local workerd does not enforce it, so `password.test.ts` pins the constant).
 */
import { passwordProblems, type PasswordProblem } from '../../../shared/protocol/api/auth'
import { ApiError } from '../http/errors'
import { fromBase64, toBase64 } from './encoding'

export const PBKDF2_ITERATIONS = 100_000
const SALT_BYTES = 16
const HASH_BITS = 256

export type PasswordHash = { hash: string; salt: string; iterations: number }

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS)
  return new Uint8Array(bits)
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  const hash = await derive(password, salt, PBKDF2_ITERATIONS)
  return { hash: toBase64(hash), salt: toBase64(salt), iterations: PBKDF2_ITERATIONS }
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const actual = await derive(password, fromBase64(stored.salt), stored.iterations)
  const expected = fromBase64(stored.hash)
  // Constant time, so the comparison itself says nothing about how much of a guess was right.
  return actual.byteLength === expected.byteLength && crypto.subtle.timingSafeEqual(actual, expected)
}

/**
 * Spends the same time as checking a real password, for sign-ins to addresses with no account:
 * otherwise the response time alone would tell which addresses are registered.
 */
export async function hashForNobody(password: string): Promise<void> {
  await derive(password, new Uint8Array(SALT_BYTES), PBKDF2_ITERATIONS)
}

const PASSWORD_RULES: Record<PasswordProblem, string> = {
  'too-short': 'at least 8 characters',
  'too-long': 'at most 256 characters',
  'no-upper': 'an upper-case letter',
  'no-lower': 'a lower-case letter',
  'no-digit': 'a digit',
  'no-symbol': 'a symbol',
}

/** Refuses a password that breaks a rule, naming every rule it breaks. */
export function assertStrongPassword(password: string): void {
  const problems = passwordProblems(password)
  if (problems.length > 0) {
    throw new ApiError(400, 'weak-password', `The password needs ${problems.map((p) => PASSWORD_RULES[p]).join(', ')}.`)
  }
}
