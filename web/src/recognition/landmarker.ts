/**
 * @module The MediaPipe HandLandmarker in the recognition worker: picks its delegate by measuring on
 * this device, keeps video timestamps strictly increasing, and returns what it saw as the shared
 * `FrameObservation`, with each hand labelled as the signer's real hand.
 */
import { FilesetResolver, HandLandmarker, type HandLandmarkerResult } from '@mediapipe/tasks-vision'
import type { FrameObservation, HandObservation } from '../../../shared/features/observation'
import { MEDIAPIPE_WASM_BASE } from './assetPaths'
import { RecognitionError } from './errors'
import { makeHandCountPolicy } from './handCountPolicy'
import type { Delegate, DelegateChoice, LandmarkerMode, Measured } from './messages'
import { median } from './stats'

export type LandmarkerOptions = {
  task: Uint8Array
  delegate: DelegateChoice
  mode: LandmarkerMode
  numHands: number
}

export type Landmarker = {
  delegate: Delegate
  delegates: Measured<Delegate>[]
  /** `tMs` only has to increase in video mode; equal or earlier times are nudged forward. */
  detect(frame: TexImageSource, tMs: number, mirrored: boolean): FrameObservation
  close(): void
}

/** Frames timed per delegate before choosing; the first of each is a warm-up and not counted. */
const CALIBRATION_FRAMES = 6
const CALIBRATION_WIDTH = 640
const CALIBRATION_HEIGHT = 480
/** Renderers that are WebGL on the CPU: MediaPipe's GPU delegate takes seconds a frame on them. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i

export async function makeLandmarker(opts: LandmarkerOptions): Promise<Landmarker> {
  if (typeof OffscreenCanvas === 'undefined') throw RecognitionError.unsupported('OffscreenCanvas')
  // The ES-module wasm build: a module worker cannot importScripts the classic one.
  const fileset = await FilesetResolver.forVisionTasks(MEDIAPIPE_WASM_BASE, true)
  // tasks-vision takes the wasm factory from `self.ModuleFactory`, which the loader script sets when
  // it first runs, and clears once a task is made. A module script runs only once per worker, so a
  // second landmarker (another delegate, or two hands) needs the factory put back from its export.
  const loader = await import(/* @vite-ignore */ fileset.wasmLoaderPath)
  const factory = (loader as { default?: unknown }).default
  const create = (delegate: Delegate, numHands: number) => {
    const scope = self as unknown as { ModuleFactory?: unknown }
    scope.ModuleFactory ??= factory
    return HandLandmarker.createFromOptions(fileset, {
      baseOptions: { modelAssetBuffer: opts.task, delegate },
      runningMode: opts.mode === 'video' ? 'VIDEO' : 'IMAGE',
      numHands,
      // The GPU delegate needs a WebGL canvas of its own; in a worker that is an OffscreenCanvas.
      ...(delegate === 'GPU' ? { canvas: new OffscreenCanvas(1, 1) } : {}),
    })
  }

  let clock = 0
  const nextTimestamp = (tMs: number) => (clock = Math.max(tMs, clock + 1))
  const run = (hl: HandLandmarker, frame: TexImageSource, tMs: number) =>
    opts.mode === 'video' ? hl.detectForVideo(frame, nextTimestamp(tMs)) : hl.detect(frame)

  const candidates: Delegate[] = opts.delegate === 'auto' ? ['CPU', 'GPU'] : [opts.delegate]
  const delegates: Measured<Delegate>[] = []
  let best: { delegate: Delegate; hl: HandLandmarker; ms: number } | undefined
  for (const delegate of candidates) {
    const skip = delegate === 'GPU' && opts.delegate === 'auto' ? whyNotGpu() : null
    if (skip) {
      delegates.push({ kind: delegate, skipped: skip })
      continue
    }
    let hl: HandLandmarker
    try {
      hl = await create(delegate, 1)
    } catch (e) {
      if (candidates.length === 1) throw e
      delegates.push({ kind: delegate, skipped: `failed to start: ${e instanceof Error ? e.message : String(e)}` })
      continue
    }
    const ms = candidates.length === 1 ? NaN : calibrate((frame, t) => run(hl, frame, t))
    delegates.push({ kind: delegate, msPerCall: ms })
    if (!best || ms < best.ms) {
      best?.hl.close()
      best = { delegate, hl, ms }
    } else {
      hl.close()
    }
  }
  if (!best) throw new Error('no MediaPipe delegate could start')
  const { delegate } = best
  // Video with room for a second hand: a two-hand landmarker beside the one-hand one, used as the
  // hand count policy says (handCountPolicy.ts). Images are seen once each: no tracking to save,
  // so they go to the two-hand landmarker alone.
  const many = opts.numHands > 1 ? await create(delegate, opts.numHands) : null
  const policy = many && opts.mode === 'video' ? makeHandCountPolicy() : null
  let one: HandLandmarker | null = best.hl
  if (many && !policy) {
    one.close()
    one = null
  }

  return {
    delegate,
    delegates,
    detect(frame, tMs, mirrored) {
      const size = frameSize(frame)
      const budget = policy ? policy.choose(tMs) : 'many'
      const hl = (budget === 'many' && many) || one || (many as HandLandmarker)
      const hands = toHands(run(hl, frame, tMs), mirrored)
      policy?.observe(tMs, budget, hands.length)
      return { t: tMs, hands, aspect: size.width / size.height }
    },
    close() {
      one?.close()
      many?.close()
    },
  }
}

/** Null when the GPU delegate is worth timing; otherwise why not. */
function whyNotGpu(): string | null {
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2')
  if (!gl) return 'no WebGL2'
  const info = gl.getExtension('WEBGL_debug_renderer_info')
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER))
  gl.getExtension('WEBGL_lose_context')?.loseContext()
  return SOFTWARE_RENDERER.test(renderer) ? `software WebGL (${renderer})` : null
}

/** Median ms per frame on a camera-sized frame with no hand, the palm detector's full cost. */
function calibrate(detect: (frame: TexImageSource, tMs: number) => unknown): number {
  const canvas = new OffscreenCanvas(CALIBRATION_WIDTH, CALIBRATION_HEIGHT)
  const ctx = canvas.getContext('2d')
  if (!ctx) return NaN
  const gradient = ctx.createLinearGradient(0, 0, CALIBRATION_WIDTH, CALIBRATION_HEIGHT)
  gradient.addColorStop(0, '#345')
  gradient.addColorStop(1, '#cba')
  ctx.fillStyle = gradient
  ctx.fillRect(0, 0, CALIBRATION_WIDTH, CALIBRATION_HEIGHT)
  const times: number[] = []
  for (let i = 0; i < CALIBRATION_FRAMES; i++) {
    const t0 = performance.now()
    detect(canvas, i)
    if (i > 0) times.push(performance.now() - t0)
  }
  return median(times)
}

function frameSize(frame: TexImageSource): { width: number; height: number } {
  if (typeof VideoFrame !== 'undefined' && frame instanceof VideoFrame) return { width: frame.displayWidth, height: frame.displayHeight }
  const f = frame as { width: number; height: number }
  return { width: f.width, height: f.height }
}

/**
 * The signer's real hand. MediaPipe's documentation (for the legacy Hands solution) says its label
 * assumes a mirrored selfie image, but with tasks-vision 1.1.0 and these models the label is the
 * real hand in an unmirrored frame: measured on Start ASL `words/hello.mp4`, where the signer's
 * right hand reads "Right" in 44 of 50 detections and "Left" in 44 of 50 once the clip is flipped
 * (ffmpeg hflip). So only a mirrored (selfie) frame needs the label swapped.
 */
export function toHands(result: HandLandmarkerResult, mirrored: boolean): HandObservation[] {
  return result.landmarks.map((landmarks, i) => {
    const category = result.handedness[i]?.[0]
    const label = category?.categoryName === 'Left' ? 'Left' : 'Right'
    return {
      landmarks: landmarks.map(({ x, y, z }) => ({ x, y, z })),
      handedness: !mirrored ? label : label === 'Left' ? 'Right' : 'Left',
      score: category?.score ?? 0,
    }
  })
}
