/** @module Byte encodings for hashes and tokens: standard base64 for storage, base64url for URLs and cookies. */

export function toBase64(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return btoa(s)
}

export function fromBase64(text: string): Uint8Array {
  const s = atob(text)
  const out = new Uint8Array(s.length)
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i)
  return out
}

export const toBase64Url = (bytes: Uint8Array): string =>
  toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

/** 256 random bits: refresh tokens and email links, which must not be guessable within their lifetime. */
export const randomToken = (): string => toBase64Url(crypto.getRandomValues(new Uint8Array(32)))

/** What is stored in place of a bearer secret, so a copy of the database cannot be replayed. */
export async function sha256Base64Url(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return toBase64Url(new Uint8Array(digest))
}
