/**
 * @module The recogniser for a Solid component: `makeRecognizer` with its state as signals, disposed
 * with the owner. Captions are kept by id, so an interim is replaced by its update and then by its
 * final; an empty final withdraws the caption.
 *
 * @example
 * const rec = createRecognizer({ video, models: ['asl-letters'] })
 * <Show when={rec.status() === 'loading'}><ProgressBar value={rec.progress()?.loadedBytes} max={rec.progress()?.totalBytes} /></Show>
 * <LandmarkOverlay frame={rec.hands()} />
 * <For each={rec.captions()}>{(c) => <p>{c.text}</p>}</For>
 */
import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js'
import type { CaptionEvent } from '../../../shared/protocol/captions'
import type { FrameObservation } from '../../../shared/features/observation'
import type { RecognitionError } from './errors'
import { makeGuidance, type Guidance } from './guidance'
import type { LoadProgress } from './loadRecognitionAssets'
import { makeRecognizer, type AttachOptions, type ReadyInfo, type RecognizerOptions, type RecognizerStatus, type TimingSummary } from './makeRecognizer'
import type { CaptionMode, TopLabel } from './messages'

export type CreateRecognizerOptions = Omit<RecognizerOptions, 'on'> &
  AttachOptions & {
    /** The playing camera (or file) video to recognise; recognition follows it as it changes. */
    video: Accessor<HTMLVideoElement | undefined>
    /** Called for every caption event, e.g. to send it to the call. */
    onCaption?: (e: CaptionEvent) => void
    /** How many captions to keep. */
    keep?: number
  }

/** How often the fps and timing signals refresh: often enough to read, rarely enough to cost nothing. */
const STATS_REFRESH_MS = 500
const DEFAULT_KEEP = 200

export function createRecognizer(opts: CreateRecognizerOptions) {
  const [status, setStatus] = createSignal<RecognizerStatus>('loading')
  const [progress, setProgress] = createSignal<LoadProgress | null>(null)
  const [info, setInfo] = createSignal<ReadyInfo | null>(null)
  const [hands, setHands] = createSignal<FrameObservation | null>(null)
  const [letters, setLetters] = createSignal<TopLabel[]>([])
  const [words, setWords] = createSignal<TopLabel[]>([])
  const [captions, setCaptions] = createSignal<CaptionEvent[]>([])
  const [guidance, setGuidance] = createSignal<Guidance>('ok')
  const [errors, setErrors] = createSignal<RecognitionError[]>([])
  const [stats, setStats] = createSignal<TimingSummary | null>(null)
  const guide = makeGuidance()

  const recognizer = makeRecognizer({
    ...opts,
    on: {
      status: setStatus,
      progress: setProgress,
      ready: setInfo,
      error: (e) => setErrors((list) => [...list, e]),
      result(r) {
        setHands(r.observation)
        setLetters(r.letters)
        setWords(r.words)
        setGuidance(guide({ t: r.tMs, hands: r.observation.hands.length, luma: r.luma }))
      },
      caption(e) {
        opts.onCaption?.(e)
        setCaptions((list) => upsertCaption(list, e, opts.keep ?? DEFAULT_KEEP))
      },
    },
  })

  createEffect(() => {
    const video = opts.video()
    if (!video) return
    const detach = recognizer.attach(video, { mirrored: opts.mirrored ?? false, clock: opts.clock ?? 'capture' })
    onCleanup(detach)
  })
  const timer = setInterval(() => setStats(recognizer.stats()), STATS_REFRESH_MS)
  onCleanup(() => {
    clearInterval(timer)
    recognizer.dispose()
  })

  return {
    status,
    /** Model download progress (bytes) while `status()` is `loading`. */
    progress,
    /** What the recogniser chose on this device (delegate, backend, per-choice timings) and its models. */
    info,
    /** The newest frame's hands, for the landmark overlay. */
    hands,
    /** The letter model's best guesses for the newest frame (practice feedback). */
    letters,
    words,
    captions,
    guidance,
    errors,
    fps: () => stats()?.fps ?? 0,
    timings: stats,
    setCaptionMode: (mode: CaptionMode) => recognizer.setCaptionMode(mode),
    flush: () => recognizer.flush(),
    recognizer,
  }
}

/** Replaces the caption with the same id (an interim's update or final) or appends it; drops withdrawn ones. */
export function upsertCaption(list: CaptionEvent[], e: CaptionEvent, keep: number): CaptionEvent[] {
  const i = list.findIndex((c) => c.id === e.id)
  const withdrawn = e.final && e.text === ''
  if (i >= 0) return withdrawn ? [...list.slice(0, i), ...list.slice(i + 1)] : [...list.slice(0, i), e, ...list.slice(i + 1)]
  return withdrawn ? list : [...list, e].slice(-keep)
}
