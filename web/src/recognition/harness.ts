/**
 * @module The page the node tools drive in headless Chromium (served in dev at
 * `/__recognition/harness.html` by web/build/recognitionAssets.ts): the real recogniser (worker,
 * landmarker, classifier, decoder) run over media files, so captioning a file, extracting
 * landmarks for training and benchmarking all use the code the app uses.
 */
import type { CaptionEvent } from '../../../shared/protocol/captions'
import { makeRecognizer, type ReadyInfo, type RecognizerOptions, type TimingSummary } from './makeRecognizer'
import type { FrameResult } from './messages'

export type HarnessRun = Pick<RecognizerOptions, 'variant' | 'delegate' | 'backend' | 'mode' | 'numHands' | 'models' | 'captionMode'> & {
  mirrored?: boolean
}

export type FrameOutcome = Pick<FrameResult, 'tMs' | 'observation' | 'luma' | 'letters' | 'words' | 'timings'>

export type FramesReport = {
  ready: ReadyInfo
  frames: (FrameOutcome | null)[]
  captions: CaptionEvent[]
  errors: { reason: string; message: string }[]
  stats: TimingSummary
}

export type LiveReport = FramesReport & { wallMs: number; videoFrames: number }

/**
 * Every frame in order, none dropped: `urls[i]` is shown at `tMs[i]`. Captions carry `tStart`/`tEnd`
 * in the frames' clock (time origin 0), i.e. media time in ms for a video.
 */
async function recognizeFrames(run: HarnessRun, urls: string[], tMs: number[]): Promise<FramesReport> {
  const captions: CaptionEvent[] = []
  const errors: FramesReport['errors'] = []
  const r = makeRecognizer({ ...run, store: noCache, timeOriginMs: 0, on: { caption: (c) => captions.push(c), error: (e) => errors.push({ reason: e.reason, message: e.message }) } })
  try {
    const ready = await r.ready
    const frames: (FrameOutcome | null)[] = []
    let next = decode(urls[0])
    for (let i = 0; i < urls.length; i++) {
      const bitmap = await next
      if (i + 1 < urls.length) next = decode(urls[i + 1])
      const result = await r.process(bitmap, tMs[i] ?? i, run.mirrored ?? false)
      frames.push(result && { tMs: result.tMs, observation: result.observation, luma: result.luma, letters: result.letters, words: result.words, timings: result.timings })
    }
    await r.flush()
    return { ready, frames, captions, errors, stats: r.stats() }
  } finally {
    r.dispose()
  }
}

/**
 * A video played in real time through the live path (`attach`): what a camera would get. Runs
 * for `durationMs` (looping the clip) and reports every frame the recogniser took.
 */
async function recognizeLive(run: HarnessRun, videoUrl: string, durationMs: number): Promise<LiveReport> {
  const captions: CaptionEvent[] = []
  const errors: FramesReport['errors'] = []
  const frames: FrameOutcome[] = []
  const r = makeRecognizer({
    ...run,
    store: noCache,
    on: {
      caption: (c) => captions.push(c),
      error: (e) => errors.push({ reason: e.reason, message: e.message }),
      result: (m) => frames.push({ tMs: m.tMs, observation: m.observation, luma: m.luma, letters: m.letters, words: m.words, timings: m.timings }),
    },
  })
  const video = document.createElement('video')
  video.muted = true
  video.loop = true
  video.playsInline = true
  video.src = videoUrl
  document.body.append(video)
  let videoFrames = 0
  const count = () => {
    videoFrames++
    video.requestVideoFrameCallback(count)
  }
  try {
    const ready = await r.ready
    await video.play()
    video.requestVideoFrameCallback(count)
    const detach = r.attach(video, run.mirrored === undefined ? {} : { mirrored: run.mirrored })
    const t0 = performance.now()
    await new Promise((done) => setTimeout(done, durationMs))
    detach()
    const wallMs = performance.now() - t0
    await r.flush().catch(() => [])
    return { ready, frames, captions, errors, stats: r.stats(), wallMs, videoFrames }
  } finally {
    video.pause()
    video.remove()
    r.dispose()
  }
}

async function decode(url: string | undefined): Promise<ImageBitmap> {
  const response = await fetch(url as string)
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
  return createImageBitmap(await response.blob())
}

/** Tools read fresh files each run; caching them in Cache Storage would only hide changes. */
const noCache = {
  warnings: [],
  async fetchJson(url: string) {
    const r = await fetch(url, { cache: 'no-store' })
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`)
    return r.json()
  },
  async fetchBytes(url: string) {
    const r = await fetch(url, { cache: 'no-store' })
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`)
    return { bytes: await r.arrayBuffer(), fromCache: false }
  },
  async evict() {},
}

const harness = { recognizeFrames, recognizeLive }
export type RecognitionHarness = typeof harness
;(globalThis as { recognitionHarness?: RecognitionHarness }).recognitionHarness = harness
