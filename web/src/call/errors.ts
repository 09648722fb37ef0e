/**
 * @module What can go wrong in front of the user while starting, joining or holding a call. Each
 * failure is a `CallError` with a `reason`; `describeCallError.ts` turns reasons into words.
 */
import type { SocketErrorCode } from '../../../shared/protocol/errors'

export type CallErrorReason =
  /** `POST /api/rooms` answered with an error. */
  | 'create-failed'
  /** The server could not be reached at all (offline, DNS, refused). */
  | 'offline'
  /** The link's room id is not one the server could have made. */
  | 'invalid-link'
  /** The room already has its capacity of peers. */
  | 'room-full'
  /** This person joined again from another tab or device, which took their place in the call. */
  | 'replaced'
  | 'camera-denied'
  | 'camera-absent'
  /** Another app holds the camera, or the hardware failed to start. */
  | 'camera-busy'
  | 'mic-denied'
  | 'mic-absent'
  | 'mic-busy'
  /** No `getUserMedia` here: an old browser or a page not served over HTTPS. */
  | 'media-unsupported'
  /** The room refused one of our frames (`code` says why); the call goes on. */
  | 'server-refused'
  /** `GET /api/turn` failed; direct connections still work, relayed ones will not. */
  | 'turn-unavailable'

export class CallError extends Error {
  override readonly name = 'CallError'

  constructor(
    readonly reason: CallErrorReason,
    message: string,
    options?: { cause?: unknown },
    /** For `server-refused`: the room's error code. */
    readonly code?: SocketErrorCode,
  ) {
    super(message, options)
  }

  static createFailed(status: number, message: string) {
    return new CallError('create-failed', `POST /api/rooms answered ${status}: ${message}`)
  }
  static offline(cause: unknown) {
    return new CallError('offline', 'the server could not be reached', { cause })
  }
  static invalidLink(id: string) {
    return new CallError('invalid-link', `"${id}" is not a room id`)
  }
  static roomFull(message: string) {
    return new CallError('room-full', message)
  }
  static replaced() {
    return new CallError('replaced', 'another socket resumed this peer')
  }
  static media(reason: Extract<CallErrorReason, `camera-${string}` | `mic-${string}` | 'media-unsupported'>, cause?: unknown) {
    return new CallError(reason, reason, { cause })
  }
  static serverRefused(code: SocketErrorCode, message: string) {
    return new CallError('server-refused', message, undefined, code)
  }
  static turnUnavailable(cause: unknown) {
    return new CallError('turn-unavailable', 'no TURN credentials', { cause })
  }
}
