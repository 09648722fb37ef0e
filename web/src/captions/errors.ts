/**
 * @module What can go wrong with captions in front of the user (recognition has its own reasons,
 * `RecognitionError`). Each reason maps to words in `describeCaptionError`.
 */
import { assertNever } from '../ui/assertNever'

export type CaptionErrorReason =
  /** IndexedDB cannot be opened here (some private modes, storage disabled): history lasts only for the call. */
  | 'history-unavailable'
  /** The device is out of storage for the history. */
  | 'history-full'
  /** This browser has no speech synthesis. */
  | 'speech-unavailable'
  /** This build ships no sign models: hands are tracked but nothing is captioned. */
  | 'no-sign-models'
  /** Sign captions read the camera, which is off. */
  | 'camera-off'
  /** The recogniser's code could not be loaded (offline before it was ever cached). */
  | 'recognition-unavailable'

export class CaptionError extends Error {
  override readonly name = 'CaptionError'

  constructor(
    readonly reason: CaptionErrorReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }

  static history(cause: unknown): CaptionError {
    const full = cause instanceof DOMException && cause.name === 'QuotaExceededError'
    return new CaptionError(full ? 'history-full' : 'history-unavailable', `caption history: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
  }
}

/**
 * Said plainly rather than captioning a BSL or Auslan signer with an ASL model, which would be
 * confidently wrong: signs the user taught on this device still work, since they are their own.
 */
export function describeUnsupportedLanguage(language: string, supported: readonly string[]): string {
  const have = supported.length ? `SilentTalk recognises only ${supported.join(' and ')} so far` : 'SilentTalk has no sign models yet'
  if (language === 'Another') return `${have}, so signs in your sign language are not captioned. Signs you taught it under Practice are, and typing to caption works in any language.`
  return `${have}: there is no ${language} model, so your ${language} signs are not captioned. Signs you taught it under Practice are, and typing to caption works in any language.`
}

export function describeCaptionError(reason: CaptionErrorReason): string {
  switch (reason) {
    case 'history-unavailable':
      return 'This browser will not let SilentTalk keep the caption history, so it lasts only until you leave the call. Export it before you go.'
    case 'history-full':
      return 'Your device is out of storage, so new captions are not being kept after the call. Export the history or free some space.'
    case 'speech-unavailable':
      return 'This browser cannot read captions aloud.'
    case 'no-sign-models':
      return 'No sign models are installed, so your hands are tracked but your signs are not captioned.'
    case 'camera-off':
      return 'Turn your camera on to caption your signs.'
    case 'recognition-unavailable':
      return 'Sign recognition could not be loaded. Check your connection and try again.'
    default:
      return assertNever(reason)
  }
}
