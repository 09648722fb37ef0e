/**
 * @module What can go wrong in front of the user in their account: each failure is an
 * `AccountError` with a `reason`; `describeAccountError` turns reasons into words.
 */
import type { HttpErrorCode } from '../../../shared/protocol/errors'
import type { SchemaIssue } from '../../../shared/schema'
import { assertNever } from '../ui/assertNever'

export type AccountErrorReason =
  /** The server could not be reached at all. */
  | 'offline'
  /** The server answered with an error code of the API (`code` says which). */
  | 'refused'
  /** The server answered something off the contract: a bug or a proxy in the way. */
  | 'bad-reply'
  /** Not signed in, or the sign-in ended (signed out elsewhere, account deleted). */
  | 'signed-out'

export class AccountError extends Error {
  override readonly name = 'AccountError'

  constructor(
    readonly reason: AccountErrorReason,
    message: string,
    options?: { cause?: unknown },
    readonly code?: HttpErrorCode,
    /** For `refused` with a `Retry-After`: seconds to wait. */
    readonly retryAfterS?: number,
  ) {
    super(message, options)
  }

  static offline(cause: unknown) {
    return new AccountError('offline', 'the server could not be reached', { cause })
  }
  static refused(code: HttpErrorCode, message: string, retryAfterS?: number) {
    return new AccountError('refused', message, undefined, code, retryAfterS)
  }
  static badReply(what: string, issue?: SchemaIssue) {
    return new AccountError('bad-reply', issue ? `${what}: ${issue.path} ${issue.message}` : what)
  }
  static signedOut() {
    return new AccountError('signed-out', 'not signed in')
  }
}

export type ErrorText = { title: string; detail: string }

const minutes = (s: number | undefined) => (s === undefined ? 'a while' : s < 90 ? `${s} seconds` : `${Math.ceil(s / 60)} minutes`)

/** Words for the person in front of the screen. For `refused`, the server's own message is specific and kept. */
export function describeAccountError(e: AccountError): ErrorText {
  switch (e.reason) {
    case 'offline':
      return { title: 'No connection to SilentTalk', detail: 'Check that you are online, then try again.' }
    case 'bad-reply':
      return { title: 'Something went wrong on our side', detail: 'The server answered in a way this app did not expect. Please try again later.' }
    case 'signed-out':
      return { title: 'You are signed out', detail: 'Sign in again to continue.' }
    case 'refused':
      switch (e.code) {
        case 'account-locked':
          return { title: 'Account locked for now', detail: `Too many wrong passwords. Try again in ${minutes(e.retryAfterS)}, or reset your password.` }
        case 'rate-limited':
          return { title: 'Slow down a little', detail: `Too many requests. Try again in ${minutes(e.retryAfterS)}.` }
        case 'invalid-credentials':
          return { title: 'Wrong email or password', detail: 'Check both and try again.' }
        default:
          return { title: 'That did not work', detail: e.message }
      }
    default:
      return assertNever(e.reason)
  }
}
