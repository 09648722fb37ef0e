/**
 * @module Resume tokens: handed out in `welcome`, kept only as a SHA-256 hash, and checked in
 * constant time, so neither a storage dump nor response timing gives one away.
 */
import { randomId } from '../../../shared/protocol/ids'

export type IssuedToken = { token: string; hash: string }

export async function issueResumeToken(): Promise<IssuedToken> {
  const token = randomId()
  return { token, hash: await hashToken(token) }
}

export async function hashToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token))
  return toHex(new Uint8Array(digest))
}

export async function tokenMatches(token: string, storedHash: string): Promise<boolean> {
  const a = new TextEncoder().encode(await hashToken(token))
  const b = new TextEncoder().encode(storedHash)
  // Both are 64 hex characters; a malformed stored hash just fails the length check.
  return a.byteLength === b.byteLength && crypto.subtle.timingSafeEqual(a, b)
}

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
