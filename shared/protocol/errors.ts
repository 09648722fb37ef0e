/**
 * @module Every error code a client can receive, over HTTP (`{ error: { code, message } }`) or in a
 * socket error frame, so `web/` can switch on them exhaustively.
 */

export const HTTP_ERROR_CODES = [
  'bad-request',
  'bad-json',
  'not-found',
  'method-not-allowed',
  'payload-too-large',
  'unsupported-media-type',
  'rate-limited',
  'unauthorized',
  'forbidden',
  'conflict',
  'internal',
  'unavailable',
  // Accounts (issue #7).
  /** Register: an account with this email exists. */
  'email-taken',
  /** The password breaks a rule; the message lists which (`passwordProblems`). */
  'weak-password',
  /** Wrong email or password; never says which. */
  'invalid-credentials',
  /** Five failed sign-ins: locked for 15 minutes; `Retry-After` says how long is left. */
  'account-locked',
  /** The access token is past its 30 minutes: refresh and retry. */
  'token-expired',
  /** The token is malformed, tampered with, or for another purpose. */
  'token-invalid',
  /** The session was signed out, revoked after refresh-token reuse, or its account deleted. */
  'session-revoked',
  /** A refresh token was used twice: the whole session is revoked. */
  'refresh-reused',
  /** Ringing someone who is not an accepted contact. */
  'not-a-contact',
  /** Answering or cancelling a ring that already ended. */
  'ring-over',
] as const
export type HttpErrorCode = (typeof HTTP_ERROR_CODES)[number]

export const SOCKET_ERROR_CODES = [
  /** The frame is not JSON, or does not match the schema of its `type`. */
  'bad-message',
  /** The frame's `type` is not one the room knows. */
  'unknown-type',
  /** The frame is over `MAX_FRAME_BYTES`. */
  'too-large',
  /** The socket sent more than its share; the frame was dropped. */
  'rate-limited',
  /** The room has `capacity` peers already; the socket is closed after this frame. */
  'room-full',
  /** A message other than `join` arrived before `join`. */
  'not-joined',
  /** `join` arrived twice on one socket. */
  'already-joined',
  /** A relay named a peer that is not in the room. */
  'unknown-peer',
] as const
export type SocketErrorCode = (typeof SOCKET_ERROR_CODES)[number]

/** The JSON body of every failed HTTP response. */
export type ErrorBody<C extends string = HttpErrorCode> = { error: { code: C; message: string } }
