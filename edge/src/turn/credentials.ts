/**
 * @module TURN credentials in the TURN REST scheme (draft-uberti-behave-turn-rest-00), which
 * coturn checks with `use-auth-secret`: the username is `<expiry unix seconds>:<id>` and the
 * password is base64(HMAC-SHA1(secret, username)). The TURN server recomputes the password from
 * the shared secret, so nothing is stored and a credential dies on its own at its expiry.
 * WebCrypto only, so the coturn test in Node mints with this very function.
 */

/** Long enough for any call; short enough that a leaked credential is soon worthless. */
export const TURN_TTL_S = 12 * 60 * 60

export type TurnCredential = { username: string; credential: string; expiresAtS: number }

export async function mintTurnCredential(opts: { secret: string; nowS: number; ttlS: number; id: string }): Promise<TurnCredential> {
  const expiresAtS = Math.floor(opts.nowS) + opts.ttlS
  const username = `${expiresAtS}:${opts.id}`
  return { username, credential: await turnPassword(opts.secret, username), expiresAtS }
}

export async function turnPassword(secret: string, username: string): Promise<string> {
  const encoder = new TextEncoder()
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign'])
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(username)))
  return btoa(String.fromCharCode(...mac))
}
