/**
 * @module The recogniser engine on the main thread: loads the models, spawns the recognition worker,
 * feeds it camera frames and hands back results and caption events. Not reactive: `createRecognizer`
 * ties it to a Solid component.
 *
 * Frames: at most one is in the worker at a time. The live loop (`followVideo.ts`) grabs a frame
 * only when the worker is free, so a slow device processes fewer frames but always the newest, and
 * nothing queues up. `process` keeps one waiting slot that a newer frame replaces.
 *
 * @example
 * const r = makeRecognizer({ models: ['asl-letters'], on: { caption: (e) => show(e) } })
 * const detach = r.attach(videoElement)
 * // later: detach(); r.dispose()
 */
import type { CaptionEvent } from '../../../shared/protocol/captions'
import type { LandmarkerVariant } from './assetPaths'
import { RecognitionError } from './errors'
import { loadRecognitionAssets, type LoadedAssets, type LoadProgress } from './loadRecognitionAssets'
import type { BackendChoice, CaptionMode, DelegateChoice, FrameResult, FromWorker, LandmarkerMode, ToWorker } from './messages'
import { followVideo, type FollowOptions } from './followVideo'
import { makeFrameStats, type TimingSummary } from './frameStats'
import { makeModelStore, type ModelStore } from './modelStore'

export type RecognizerStatus = 'loading' | 'ready' | 'restarting' | 'failed' | 'disposed'
export type ModelReady = Extract<FromWorker, { type: 'model-ready' }>
export type ReadyInfo = { landmarker: Extract<FromWorker, { type: 'ready' }>; models: ModelReady[] }

export type RecognizerEvents = {
  status(s: RecognizerStatus): void
  progress(p: LoadProgress): void
  ready(info: ReadyInfo): void
  result(r: FrameResult): void
  caption(e: CaptionEvent): void
  /** Fatal errors (status `failed`) and problems recognition survives (a model left out, no WebGPU, a restart). */
  error(e: RecognitionError): void
}

export type RecognizerOptions = {
  variant?: LandmarkerVariant
  delegate?: DelegateChoice
  backend?: BackendChoice
  /** `video` tracks hands across frames; `image` treats every frame on its own (photos). */
  mode?: LandmarkerMode
  /** Hands to track; default 1 when captioning letters only, else 2. */
  numHands?: number
  /** Classifier model ids (`models/<id>/`). */
  models?: readonly string[]
  captionMode?: CaptionMode
  /** Epoch ms of time 0 on the frames' clock; captions carry frame time + this. */
  timeOriginMs?: number
  store?: ModelStore
  /** No answer for a frame within this long means the worker is gone; it is restarted. */
  frameTimeoutMs?: number
  createWorker?: () => Worker
  on?: Partial<RecognizerEvents>
}

export type AttachOptions = FollowOptions
export type { TimingSummary }

export type Recognizer = {
  ready: Promise<ReadyInfo>
  status(): RecognizerStatus
  /** Recognises a playing video element live until the returned function is called. */
  attach(video: HTMLVideoElement, opts?: AttachOptions): () => void
  /** One frame, for files and tests; resolves null if a newer frame replaced it before it ran. Takes ownership of `frame`. */
  process(frame: ImageBitmap | VideoFrame, tMs: number, mirrored?: boolean): Promise<FrameResult | null>
  setCaptionMode(mode: CaptionMode): Promise<void>
  /** Ends the captions in progress and returns their finals. */
  flush(): Promise<CaptionEvent[]>
  stats(): TimingSummary
  dispose(): void
}

const DEFAULT_FRAME_TIMEOUT_MS = 10_000
/** Restarts allowed within RESTART_WINDOW_MS before the recogniser gives up. */
const MAX_RESTARTS = 3
const RESTART_WINDOW_MS = 60_000

type Pending = { resolve: (m: FromWorker) => void; reject: (e: unknown) => void }
type Waiting = { frame: ImageBitmap | VideoFrame; tMs: number; mirrored: boolean; resolve: (r: FrameResult | null) => void; grabbedAt: number }
type InFlight = Waiting & { seq: number; timer: ReturnType<typeof setTimeout> }

export function makeRecognizer(opts: RecognizerOptions = {}): Recognizer {
  const on = opts.on ?? {}
  const store = opts.store ?? makeModelStore()
  const variant = opts.variant ?? 'lite'
  const captionMode = { current: opts.captionMode ?? 'both' }
  let status: RecognizerStatus = 'loading'
  let worker: Worker | null = null
  let pending: Pending[] = []
  let inFlight: InFlight | null = null
  let waiting: Waiting | null = null
  let seq = 0
  let assets: LoadedAssets | null = null
  let restarts: number[] = []
  const stats = makeFrameStats()

  // A function, so TypeScript does not narrow `status` across the awaits that may dispose it.
  const disposed = () => status === 'disposed'
  const setStatus = (s: RecognizerStatus) => {
    if (disposed()) return
    status = s
    on.status?.(s)
  }
  const fromMessage = (m: Extract<FromWorker, { type: 'error' }>) => new RecognitionError(m.reason, m.message)

  function spawn(): Worker {
    const w = opts.createWorker?.() ?? new Worker(new URL('./recognizer.worker.ts', import.meta.url), { type: 'module' })
    w.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data)
    w.onerror = (e) => {
      e.preventDefault()
      crashed(`uncaught error in the worker: ${e.message || 'unknown'}`)
    }
    w.onmessageerror = () => crashed('a message from the worker could not be read')
    return w
  }

  function request(msg: ToWorker, transfer: Transferable[] = []): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      if (!worker) return reject(RecognitionError.workerCrashed('no worker'))
      pending.push({ resolve, reject })
      worker.postMessage(msg, transfer)
    })
  }

  function onMessage(m: FromWorker) {
    if (m.type === 'result' || (m.type === 'error' && m.seq !== undefined)) return onFrameDone(m)
    pending.shift()?.resolve(m)
  }

  async function boot(): Promise<ReadyInfo> {
    const a = assets as LoadedAssets
    worker = spawn()
    const task = a.task.bytes.slice(0)
    const ready = await request(
      {
        type: 'init',
        task,
        taskSha256: a.task.sha256,
        variant,
        delegate: opts.delegate ?? 'auto',
        mode: opts.mode ?? 'video',
        // With two hands allowed, MediaPipe runs its palm detector on every frame while fewer than
        // two are tracked; fingerspelling needs one hand, so letters-only recognition asks for one.
        numHands: opts.numHands ?? (captionMode.current === 'letters' ? 1 : 2),
        timeOriginMs: opts.timeOriginMs ?? performance.timeOrigin,
        captionMode: captionMode.current,
      },
      [task],
    )
    if (ready.type === 'error') throw fromMessage(ready)
    if (ready.type !== 'ready') throw RecognitionError.badMessage(`expected ready, got ${ready.type}`)
    const models: ModelReady[] = []
    for (const m of a.models) {
      const r = await loadModel(m)
      if (r) models.push(r)
    }
    return { landmarker: ready, models }
  }

  /** A model that fails is reported and left out; a cached copy that fails its checksum is fetched again once. */
  async function loadModel(m: LoadedAssets['models'][number]): Promise<ModelReady | null> {
    const send = async (bytes: ArrayBuffer) => {
      const copy = bytes.slice(0)
      return request({ type: 'load-model', manifest: m.manifest, bytes: copy, backend: opts.backend ?? 'auto' }, [copy])
    }
    let r = await send(m.bytes)
    if (r.type === 'error' && r.reason === 'model-corrupt' && m.fromCache) {
      await store.evict(m.url, m.sha256)
      const fresh = await store.fetchBytes(m.url, { sha256: m.sha256 })
      Object.assign(m, { bytes: fresh.bytes, fromCache: false })
      r = await send(m.bytes)
    }
    if (r.type === 'error') {
      on.error?.(fromMessage(r))
      return null
    }
    if (r.type !== 'model-ready') return null
    const webgpu = r.backends.find((b) => b.kind === 'webgpu')
    if (webgpu && 'skipped' in webgpu) on.error?.(RecognitionError.noWebgpu(webgpu.skipped))
    return r
  }

  function crashed(detail: string) {
    if (disposed() || !worker) return
    worker.terminate()
    worker = null
    for (const p of pending) p.reject(RecognitionError.workerCrashed(detail))
    pending = []
    if (inFlight) {
      clearTimeout(inFlight.timer)
      inFlight.frame.close()
      inFlight.resolve(null)
      inFlight = null
    }
    const now = performance.now()
    restarts = [...restarts.filter((t) => now - t < RESTART_WINDOW_MS), now]
    const error = RecognitionError.workerCrashed(detail)
    on.error?.(error)
    if (restarts.length > MAX_RESTARTS) return setStatus('failed')
    setStatus('restarting')
    boot().then(
      (info) => {
        setStatus('ready')
        on.ready?.(info)
        sendWaiting()
      },
      (e) => crashed(`restart failed: ${e instanceof Error ? e.message : String(e)}`),
    )
  }

  function send(w: Waiting) {
    if (!worker || status !== 'ready') {
      w.frame.close()
      return w.resolve(null)
    }
    const s = ++seq
    const timer = setTimeout(() => crashed(`no answer for frame ${s} in ${opts.frameTimeoutMs ?? DEFAULT_FRAME_TIMEOUT_MS} ms`), opts.frameTimeoutMs ?? DEFAULT_FRAME_TIMEOUT_MS)
    inFlight = { ...w, seq: s, timer }
    worker.postMessage({ type: 'frame', seq: s, frame: w.frame, tMs: w.tMs, mirrored: w.mirrored } satisfies ToWorker, [w.frame])
  }

  function sendWaiting() {
    const next = waiting
    waiting = null
    if (next) send(next)
  }

  function onFrameDone(m: FrameResult | Extract<FromWorker, { type: 'error' }>) {
    const f = inFlight
    if (!f || f.seq !== m.seq) return
    clearTimeout(f.timer)
    inFlight = null
    if (m.type === 'error') {
      on.error?.(fromMessage(m))
      f.resolve(null)
    } else {
      const now = performance.now()
      stats.done({ ...m.timings, latencyMs: now - f.grabbedAt }, now)
      on.result?.(m)
      for (const c of m.captions) on.caption?.(c)
      f.resolve(m)
    }
    sendWaiting()
  }

  function submit(frame: ImageBitmap | VideoFrame, tMs: number, mirrored: boolean): Promise<FrameResult | null> {
    return new Promise((resolve) => {
      const w: Waiting = { frame, tMs, mirrored, resolve, grabbedAt: performance.now() }
      if (!inFlight && status === 'ready') return send(w)
      if (waiting) {
        waiting.frame.close()
        waiting.resolve(null)
        stats.dropped()
      }
      waiting = w
    })
  }

  const ready = (async () => {
    try {
      assets = await loadRecognitionAssets(store, variant, opts.models ?? [], (p) => on.progress?.(p))
      for (const f of [...assets.failures, ...store.warnings]) on.error?.(f)
      const info = await boot()
      setStatus('ready')
      on.ready?.(info)
      sendWaiting()
      return info
    } catch (e) {
      const error = e instanceof RecognitionError ? e : RecognitionError.landmarkerFailed(e)
      if (!disposed()) {
        setStatus('failed')
        on.error?.(error)
      }
      throw error
    }
  })()
  ready.catch(() => {})

  return {
    ready,
    status: () => status,

    attach(video, attachOpts = {}) {
      return followVideo(video, submit, attachOpts, () => stats.dropped())
    },

    async process(frame, tMs, mirrored = false) {
      try {
        await ready
      } catch (e) {
        frame.close()
        throw e
      }
      return submit(frame, tMs, mirrored)
    },

    async setCaptionMode(mode) {
      captionMode.current = mode
      await ready
      const r = await request({ type: 'set-caption-mode', captionMode: mode })
      if (r.type === 'captions') for (const c of r.captions) on.caption?.(c)
    },

    async flush() {
      await ready
      const r = await request({ type: 'flush' })
      if (r.type === 'error') throw fromMessage(r)
      const captions = r.type === 'captions' ? r.captions : []
      for (const c of captions) on.caption?.(c)
      return captions
    },

    stats: () => stats.summary(),

    dispose() {
      if (disposed()) return
      status = 'disposed'
      on.status?.('disposed')
      worker?.terminate()
      worker = null
      for (const p of pending) p.reject(RecognitionError.workerCrashed('disposed'))
      pending = []
      for (const f of [inFlight, waiting]) {
        if (!f) continue
        f.frame.close()
        f.resolve(null)
      }
      if (inFlight) clearTimeout(inFlight.timer)
      inFlight = waiting = null
    },
  }
}
