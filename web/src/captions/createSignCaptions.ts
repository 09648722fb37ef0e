/**
 * @module Sign captions for the signer: while on, the recogniser runs over this device's own camera
 * (never anyone else's video, and no video leaves the device for it) with the installed letter and
 * word models and the signs the user taught on this device, and each caption event it makes goes
 * to `onCaption`. Keeps the last two minutes of
 * hand landmarks, so a caption the signer corrects can be stored with the landmarks behind it.
 */
import { createEffect, createResource, createSignal, on, onCleanup, type Accessor } from 'solid-js'
import type { FrameObservation } from '../../../shared/features/observation'
import type { SignLanguage } from '../../../shared/manifest/modelManifest'
import type { CaptionEvent } from '../../../shared/protocol/captions'
import { MODEL_INDEX_URL } from '../recognition/assetPaths'
import type { createRecognizer } from '../recognition/createRecognizer'
import { HANDS_NONE, nextHandsPresence } from './handsPresence'
import { landmarkWindow, trimFrames } from './landmarkWindow'

export type SignCaptionsOptions = {
  /** This device's camera track; null while the camera is off. */
  videoTrack: Accessor<MediaStreamTrack | null>
  /** The language the user signs in: only its models run (a BSL signer is never captioned by an ASL model). */
  language: Accessor<SignLanguage>
  onCaption: (e: CaptionEvent) => void
  onHands: (up: boolean) => void
}

type ModelIndex = { models: { id: string; kind: string; language: string; name: string }[] }

/** How far back a correction can reach for landmarks (about 3,600 frames at 30 fps, ~2 MB). */
const KEEP_LANDMARKS_MS = 120_000

/**
 * The first letter model and the first word model the build ships for `language`
 * (models/index.json), and the languages it has models for; null when the index cannot be read.
 */
async function loadModels(language: SignLanguage): Promise<{ ids: string[]; languages: SignLanguage[] } | null> {
  try {
    const r = await fetch(MODEL_INDEX_URL)
    if (!r.ok) return null
    const index = (await r.json()) as ModelIndex
    const mine = index.models.filter((m) => m.language === language)
    return { ids: ['letter', 'word'].flatMap((kind) => mine.find((m) => m.kind === kind)?.id ?? []), languages: [...new Set(index.models.map((m) => m.language as SignLanguage))] }
  } catch {
    return null
  }
}

/**
 * The recogniser's code is loaded when someone first turns sign captions on: most people in a
 * call never do, and it is not on the path to the first frame.
 */
async function loadEngine(language: SignLanguage) {
  const [recognizer, custom, models] = await Promise.all([
    import('../recognition/createRecognizer'),
    import('../practice/customSigns/createCustomSignCaptions'),
    loadModels(language),
  ])
  return { createRecognizer: recognizer.createRecognizer, createCustomSignCaptions: custom.createCustomSignCaptions, models: models?.ids ?? null, languages: models?.languages ?? [], language }
}

/** A video element of its own: the tiles' elements come and go with the layout; recognition must not. */
function playTrack(track: MediaStreamTrack): HTMLVideoElement {
  const video = document.createElement('video')
  video.muted = true
  video.playsInline = true
  video.srcObject = new MediaStream([track])
  void video.play().catch(() => {})
  return video
}

export function createSignCaptions(opts: SignCaptionsOptions) {
  const [enabled, setEnabled] = createSignal(false)
  // Keyed on the language too: choosing another one while captioning swaps the models.
  const [engine] = createResource(() => enabled() && opts.language(), loadEngine)
  const [recognizer, setRecognizer] = createSignal<ReturnType<typeof createRecognizer> | null>(null)
  let frames: FrameObservation[] = []

  createEffect(
    on([enabled, () => (engine.state === 'ready' ? engine() : null)], ([isOn, loaded]) => {
      if (!isOn || !loaded) return
      const [element, setElement] = createSignal<HTMLVideoElement | undefined>(undefined)
      // An index that cannot be read leaves hand tracking (the spotlight) running without captions.
      const rec = loaded.createRecognizer({ video: element, models: loaded.models ?? [], mirrored: false, clock: 'capture', onCaption: opts.onCaption })
      setRecognizer(rec)
      // Follows the camera: off, on again (a new track), swapped.
      createEffect(() => {
        const track = opts.videoTrack()
        const v = track ? playTrack(track) : undefined
        setElement(v)
        onCleanup(() => {
          if (!v) return
          v.pause()
          v.srcObject = null
        })
      })
      // Signs the user taught on this device (practice) are captioned from the same frames.
      const custom = loaded.createCustomSignCaptions({ onCaption: opts.onCaption, timeOriginMs: performance.timeOrigin })
      let hands = HANDS_NONE
      createEffect(() => {
        const frame = rec.hands()
        if (!frame) return
        custom.push(frame)
        frames.push(frame)
        if (frames.length % 300 === 0) frames = trimFrames(frames, KEEP_LANDMARKS_MS)
        const next = nextHandsPresence(hands, frame.hands.length, frame.t)
        if (next.up !== hands.up) opts.onHands(next.up)
        hands = next
      })
      onCleanup(() => {
        setRecognizer(null)
        if (hands.up) opts.onHands(false)
        frames = []
      })
    }),
  )

  return {
    enabled,
    recognizer,
    /** No sign models, or their index could not be read: hands are tracked but nothing is captioned. */
    noModels: () => engine.state === 'ready' && (engine().models?.length ?? 0) === 0,
    /** The user signs in a language this build has no models for (only ASL data exists so far). */
    unsupportedLanguage: (): { language: SignLanguage; supported: SignLanguage[] } | null => {
      if (engine.state !== 'ready') return null
      const e = engine()
      return e.models !== null && !e.languages.includes(e.language) ? { language: e.language, supported: e.languages } : null
    },
    /** The recogniser's code could not be loaded (offline on a build not yet cached). */
    unavailable: () => engine.state === 'errored',
    start: () => setEnabled(true),
    /** Ends the captions in progress (their finals go out) before the recogniser stops. */
    async stop() {
      const rec = recognizer()
      if (rec && rec.status() === 'ready') await rec.flush().catch(() => [])
      setEnabled(false)
    },
    /** The landmarks behind one of our captions, if they are still held. */
    landmarksFor: (event: Pick<CaptionEvent, 'tStart' | 'tEnd'>) => landmarkWindow(frames, event, performance.timeOrigin),
  }
}

export type SignCaptions = ReturnType<typeof createSignCaptions>
