/**
 * @module The protocol between `makeRecognizer` (main thread) and `recognizer.worker.ts`: tagged
 * unions on `type`. Frames travel as transferred `ImageBitmap`s or `VideoFrame`s; the worker answers
 * every message it fails on with `{ type: 'error', reason }`.
 */
import type { CaptionEvent } from '../../../shared/protocol/captions'
import type { FrameObservation } from '../../../shared/features/observation'
import type { LandmarkerVariant } from './assetPaths'
import type { RecognitionErrorReason } from './errors'

export type Delegate = 'CPU' | 'GPU'
export type ClassifierBackend = 'wasm' | 'webgpu'
/** `auto` measures on the device; the others force a choice (benchmarks, tests). */
export type DelegateChoice = Delegate | 'auto'
export type BackendChoice = ClassifierBackend | 'auto'
export type LandmarkerMode = 'video' | 'image'
/** What the decoder captions: fingerspelled letters, whole signs, or both. */
export type CaptionMode = 'letters' | 'words' | 'both'

export type StageTimings = {
  landmarksMs: number
  featuresMs: number
  classifierMs: number
  /** From the frame reaching the worker to its result leaving it. */
  totalMs: number
}

/** One execution choice the worker measured: what it would cost per call on this device. */
export type Measured<K extends string> = { kind: K; msPerCall: number } | { kind: K; skipped: string }

export type ToWorker =
  | {
      type: 'init'
      task: ArrayBuffer
      /** From tasks.json; the worker refuses a bundle that does not match. */
      taskSha256?: string
      variant: LandmarkerVariant
      delegate: DelegateChoice
      mode: LandmarkerMode
      numHands: number
      /** Added to frame times (ms) to stamp captions in epoch ms. */
      timeOriginMs: number
      captionMode: CaptionMode
    }
  | { type: 'load-model'; manifest: unknown; bytes: ArrayBuffer; backend: BackendChoice }
  | { type: 'unload-model'; kind: 'letter' | 'word' }
  | {
      type: 'frame'
      seq: number
      frame: ImageBitmap | VideoFrame
      /** The frame's presentation time, ms on the sender's monotonic clock. */
      tMs: number
      /** True when the image is already mirrored (a selfie view); camera frames are not. */
      mirrored: boolean
    }
  | { type: 'set-caption-mode'; captionMode: CaptionMode }
  /** Ends any caption in progress (final) and starts the decoder afresh, e.g. between files. */
  | { type: 'flush' }

export type TopLabel = { label: string; p: number }

export type FrameResult = {
  type: 'result'
  seq: number
  tMs: number
  observation: FrameObservation
  /** Mean luma of the frame, 0..255: the light the user is in. */
  luma: number
  timings: StageTimings
  /** The letter model's best guesses for this frame, when a letter model runs and a hand is seen. */
  letters: TopLabel[]
  /** The word model's best guesses for its last window, when it ran on this frame. */
  words: TopLabel[]
  captions: CaptionEvent[]
}

export type FromWorker =
  | {
      type: 'ready'
      delegate: Delegate
      variant: LandmarkerVariant
      /** What each delegate measured on this device before the choice. */
      delegates: Measured<Delegate>[]
    }
  | {
      type: 'model-ready'
      id: string
      kind: 'letter' | 'word'
      labels: string[]
      backend: ClassifierBackend
      backends: Measured<ClassifierBackend>[]
    }
  | FrameResult
  /** The answer to `flush`, `set-caption-mode` and `unload-model`: the captions each ended. */
  | { type: 'captions'; captions: CaptionEvent[] }
  | { type: 'error'; reason: RecognitionErrorReason; message: string; seq?: number }
