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
