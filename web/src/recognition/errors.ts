/**
 * @module What can go wrong with on-device recognition in front of the user. The worker reports a
 * `reason`; the main thread raises a `RecognitionError`; views map each reason to words with one
 * exhaustive switch (`describeRecognitionError`).
 */

export type RecognitionErrorReason =
  /** The user or a policy refused the camera. */
  | 'camera-denied'
  /** No camera on this device. */
  | 'camera-absent'
  /** No real WebGPU adapter: the classifier runs on WASM (informational, recognition works). */
  | 'no-webgpu'
  /** A model or runtime file is not there (404) or the network failed while fetching it. */
  | 'model-missing'
  /** A model file's bytes do not match its manifest (size or sha256), or the runtime rejected it. */
  | 'model-corrupt'
  /** The manifest is not a valid model manifest. */
  | 'manifest-invalid'
  /** The model was trained on another feature layout than this build computes. */
  | 'feature-version'
  /** No room left in the browser's storage to cache a model for offline use. */
  | 'storage-full'
  /** The hand landmarker failed to start or to process a frame. */
  | 'landmarker-failed'
  /** The classifier failed to start or to run. */
  | 'classifier-failed'
  /** The worker died; `makeRecognizer` restarts it. */
  | 'worker-crashed'
  /** A message the worker cannot act on (a bug on the sending side). */
  | 'bad-message'
  /** This browser lacks something the recogniser needs (Worker, WebAssembly, OffscreenCanvas). */
  | 'unsupported'

export class RecognitionError extends Error {
  override readonly name = 'RecognitionError'

  constructor(
    readonly reason: RecognitionErrorReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }

  static cameraDenied(cause?: unknown) {
    return new RecognitionError('camera-denied', 'camera access was refused', { cause })
  }
  static cameraAbsent(cause?: unknown) {
    return new RecognitionError('camera-absent', 'no camera was found', { cause })
  }
  static noWebgpu(why: string) {
    return new RecognitionError('no-webgpu', `WebGPU not used: ${why}; the classifier runs on WebAssembly`)
  }
  static modelMissing(url: string, cause?: unknown) {
    return new RecognitionError('model-missing', `could not fetch ${url}`, { cause })
  }
  static modelCorrupt(what: string, cause?: unknown) {
    return new RecognitionError('model-corrupt', what, { cause })
  }
  static manifestInvalid(message: string) {
    return new RecognitionError('manifest-invalid', message)
  }
  static featureVersion(message: string) {
    return new RecognitionError('feature-version', message)
  }
  static storageFull(cause?: unknown) {
    return new RecognitionError('storage-full', 'there is no room to keep the model for offline use', { cause })
  }
  static landmarkerFailed(cause: unknown) {
    return new RecognitionError('landmarker-failed', `hand landmarker: ${messageOf(cause)}`, { cause })
  }
  static classifierFailed(cause: unknown) {
    return new RecognitionError('classifier-failed', `classifier: ${messageOf(cause)}`, { cause })
  }
  static workerCrashed(detail: string) {
    return new RecognitionError('worker-crashed', `the recognition worker stopped: ${detail}`)
  }
  static badMessage(detail: string) {
    return new RecognitionError('bad-message', detail)
  }
  static unsupported(what: string) {
    return new RecognitionError('unsupported', `this browser lacks ${what}`)
  }

  /** The error as the worker sends it. */
  toMessage(seq?: number) {
    return { type: 'error' as const, reason: this.reason, message: this.message, ...(seq === undefined ? {} : { seq }) }
  }
}

export const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e))

/** Any thrown value as a RecognitionError, keeping the reason when it already has one. */
export function asRecognitionError(e: unknown, fallback: (cause: unknown) => RecognitionError): RecognitionError {
  return e instanceof RecognitionError ? e : fallback(e)
}
