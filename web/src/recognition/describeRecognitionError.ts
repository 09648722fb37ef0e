/**
 * @module What to tell the user for each recognition problem and each camera hint, in one
 * exhaustive switch per union so a new reason cannot go unexplained.
 */
import type { RecognitionErrorReason } from './errors'
import type { Guidance } from './guidance'

export function describeRecognitionError(reason: RecognitionErrorReason): string {
  switch (reason) {
    case 'camera-denied':
      return 'SilentTalk needs your camera to read your signs. Allow camera access in your browser settings, then try again.'
    case 'camera-absent':
      return 'No camera was found. Connect a camera to use sign recognition.'
    case 'no-webgpu':
      return 'Sign recognition runs on your processor (no suitable graphics acceleration here). It works the same.'
    case 'model-missing':
      return 'A sign model could not be downloaded. Check your connection and try again.'
    case 'model-corrupt':
      return 'A downloaded sign model was damaged. It will be downloaded again.'
    case 'manifest-invalid':
      return 'A sign model is not usable by this version of SilentTalk.'
    case 'feature-version':
      return 'A sign model was made for a different version of SilentTalk. Reload the page to update.'
    case 'storage-full':
      return 'Your device is out of storage, so sign models cannot be kept for offline use. Recognition still works while online.'
    case 'landmarker-failed':
      return 'Hand tracking could not start in this browser.'
    case 'classifier-failed':
      return 'The sign model could not run in this browser.'
    case 'worker-crashed':
      return 'Sign recognition stopped unexpectedly and is restarting.'
    case 'bad-message':
      return 'Sign recognition hit an internal error.'
    case 'unsupported':
      return 'This browser cannot run sign recognition. Try a recent Chrome, Edge, Firefox or Safari.'
    default:
      return assertNever(reason)
  }
}

export function describeGuidance(g: Guidance): string | null {
  switch (g) {
    case 'ok':
      return null
    case 'no-hand':
      return 'No hand visible. Raise your hand into the camera view.'
    case 'too-dark':
      return 'Too dark to see your hands. Turn on a light or face a window.'
    default:
      return assertNever(g)
  }
}

function assertNever(x: never): never {
  throw new Error(`unhandled: ${String(x)}`)
}
