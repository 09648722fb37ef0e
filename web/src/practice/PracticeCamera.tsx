/**
 * @module The camera view every drill and recording uses: the user's camera as a mirror, the hands
 * the recogniser sees drawn over it, and every state in words: models downloading (with sizes),
 * camera refused or missing, no hand in view, too dark, recognition failed.
 */
import { createEffect, createSignal, For, on, onCleanup, onMount, Show, type JSX } from 'solid-js'
import type { createRecognizer } from '../recognition/createRecognizer'
import { describeGuidance, describeRecognitionError } from '../recognition/describeRecognitionError'
import { asRecognitionError, RecognitionError } from '../recognition/errors'
import { LandmarkOverlay } from '../recognition/LandmarkOverlay'
import { openCamera } from '../recognition/openCamera'
import { formatBytes } from '../pwa/formatBytes'
import { rememberDelegate } from './rememberDelegate'

export type Recognizer = ReturnType<typeof createRecognizer>

/** Performance mark set the first time a practice recogniser is ready on this page. */
export const READY_MARK = 'silenttalk:recognizer-ready'

export function PracticeCamera(props: { rec: Recognizer; onVideo: (v: HTMLVideoElement | undefined) => void; children?: JSX.Element }) {
  let video!: HTMLVideoElement
  let stream: MediaStream | null = null
  const [cameraError, setCameraError] = createSignal<RecognitionError | null>(null)

  async function start() {
    setCameraError(null)
    try {
      stream = await openCamera()
      video.srcObject = stream
      await video.play()
      props.onVideo(video)
    } catch (e) {
      setCameraError(asRecognitionError(e, (cause) => new RecognitionError('camera-absent', 'the camera could not be started', { cause })))
    }
  }
  onMount(() => void start())
  onCleanup(() => {
    props.onVideo(undefined)
    for (const t of stream?.getTracks() ?? []) t.stop()
  })

  // The moment recognition can start, for bench:pwa (time to "ready to recognise" from a cold start).
  createEffect(
    on(props.rec.status, (s) => {
      if (s === 'ready' && performance.getEntriesByName(READY_MARK).length === 0) performance.mark(READY_MARK)
    }),
  )

  createEffect(
    on(props.rec.info, (info) => {
      if (!info) return
      const { delegate, delegates } = info.landmarker
      rememberDelegate(delegate, delegates.some((d) => 'msPerCall' in d && Number.isFinite(d.msPerCall)))
    }),
  )

  // No WebGPU is information, not a problem: recognition runs on the processor just the same.
  const problems = () => props.rec.errors().filter((e) => e.reason !== 'no-webgpu')
  const progress = () => props.rec.progress()

  return (
    <section class="practice-camera" aria-label="Camera" data-recognizer={props.rec.status()}>
      <div class="camera-frame">
        <video ref={video} muted playsinline class="camera-video" />
        <LandmarkOverlay frame={props.rec.hands()} mirrored class="camera-overlay" />
        {props.children}
      </div>
      <Show when={cameraError()}>
        {(e) => (
          <div class="alert error" role="alert">
            <p class="alert-title">The camera is not available</p>
            <p>{describeRecognitionError(e().reason)}</p>
            <button type="button" class="button small" onClick={() => void start()}>
              Try again
            </button>
          </div>
        )}
      </Show>
      {/* Recognition keeps loading behind a camera problem, so it is ready once the camera is allowed. */}
      <Show when={props.rec.status() === 'loading' && !cameraError()}>
        <div class="model-progress" role="status">
          <Show
            when={progress()?.totalBytes && !progress()?.fromCache}
            fallback={<p>Starting sign recognition on this device…</p>}
          >
            <label for="model-progress-bar">
              Downloading sign models: {formatBytes(progress()!.loadedBytes)} of {formatBytes(progress()!.totalBytes!)}
            </label>
            <progress id="model-progress-bar" value={progress()!.loadedBytes} max={progress()!.totalBytes!} />
            <p class="hint">Only the first time: after this, practice works without a connection.</p>
          </Show>
        </div>
      </Show>
      <Show when={props.rec.status() === 'ready' && !cameraError() && describeGuidance(props.rec.guidance())}>
        {(text) => (
          <p class="guidance" role="status">
            {text()}
          </p>
        )}
      </Show>
      <For each={problems()}>{(e) => <p class="alert warning">{describeRecognitionError(e.reason)}</p>}</For>
    </section>
  )
}
