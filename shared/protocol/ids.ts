/** @module Unguessable identifiers: 128 random bits as 22 URL-safe base64 characters. */

export const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/

/** Uses WebCrypto, which Node, browsers, workers and workerd all provide. */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export const isId = (s: string): boolean => ID_PATTERN.test(s)
