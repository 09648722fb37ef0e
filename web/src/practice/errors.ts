/**
 * @module What can go wrong in practice in front of the user: storage (full, or IndexedDB not
 * available, as in some private windows) and files brought in by import. Views turn the reason
 * into words with `describePracticeError`.
 */
import { assertNever } from '../ui/assertNever'

export type PracticeErrorReason =
  /** The browser refused to store more (QuotaExceededError): nothing was written. */
  | 'storage-full'
  /** IndexedDB could not be opened (blocked, private mode, or another tab holds an old version). */
  | 'storage-unavailable'
  /** An imported file is not one of ours, or is damaged; `message` says where. */
  | 'file-invalid'
  /** An imported file is larger than any export could be. */
  | 'file-too-large'

export class PracticeError extends Error {
  override readonly name = 'PracticeError'

  constructor(
    readonly reason: PracticeErrorReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }

  static storageFull(cause?: unknown) {
    return new PracticeError('storage-full', 'the browser has no room left to store this', { cause })
  }
  static storageUnavailable(cause?: unknown) {
    return new PracticeError('storage-unavailable', `storage could not be opened: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
  }
  static fileInvalid(detail: string) {
    return new PracticeError('file-invalid', detail)
  }
  static fileTooLarge(bytes: number, limit: number) {
    return new PracticeError('file-too-large', `the file is ${bytes} bytes; an export is at most ${limit}`)
  }
}

/** Any storage failure as a PracticeError: a full disk keeps its own reason. */
export function storageError(e: unknown): PracticeError {
  if (e instanceof PracticeError) return e
  const name = e instanceof DOMException || e instanceof Error ? e.name : ''
  return name === 'QuotaExceededError' ? PracticeError.storageFull(e) : PracticeError.storageUnavailable(e)
}

export function describePracticeError(e: PracticeError): string {
  switch (e.reason) {
    case 'storage-full':
      return 'Your device is out of storage, so this was not saved. Nothing you had is lost: free some space (or export and remove old custom signs), then try again.'
    case 'storage-unavailable':
      return 'This browser is not letting SilentTalk store your practice (private browsing can do this). You can practise, but progress will not be kept.'
    case 'file-invalid':
      return `That file could not be imported, and nothing was changed: ${e.message}.`
    case 'file-too-large':
      return `That file is too large to be a SilentTalk export, and nothing was changed (${e.message}).`
    default:
      return assertNever(e.reason)
  }
}
