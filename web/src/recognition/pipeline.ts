/**
 * @module One frame through the recogniser, inside the worker: hand landmarks → features (the shared
 * code that training uses) → classifier → decoder → caption events, each stage timed.
 */
import { LETTER_FEATURE_SIZE, letterFeatures } from '../../../shared/features/letterFeatures'
import type { HandObservation } from '../../../shared/features/observation'
import {
  SIGN_GAP_FILL_MS,
  SIGN_WINDOW_INPUT_SIZE,
  SIGN_WINDOW_MS,
  signFrameFeatures,
  signWindowFromFeatures,
  type TimedFrameFeatures,
} from '../../../shared/features/signFeatures'
import { CAPTION_VERSION, type CaptionEvent } from '../../../shared/protocol/captions'
import { makeClassifier, sha256Hex, type Classifier } from './classifier'
import { makeDecoder, type DecodedCaption, type Decoder } from './decoder'
import { RecognitionError } from './errors'
import { makeLumaMeter } from './frameLight'
import { handMotion } from './handMotion'
import { makeLandmarker, type Landmarker } from './landmarker'
import type { TopLabel } from './letterDecoder'
import type { BackendChoice, CaptionMode, FrameResult, FromWorker, ToWorker } from './messages'
import type { WindowScores } from './wordDecoder'

type Init = Extract<ToWorker, { type: 'init' }>
type FrameMessage = Extract<ToWorker, { type: 'frame' }>
type ModelKind = 'letter' | 'word'

/** Labels passed on per frame: enough for the decoder and for a "what it saw" hint. */
const TOP_LABELS = 3
const LONGEST_WINDOW_MS = Math.max(...SIGN_WINDOW_MS)
/** A window is scored once the history covers this share of it; earlier it would be mostly padding. */
const MIN_WINDOW_COVER = 0.6

const INPUT_SIZE: Record<ModelKind, number> = { letter: LETTER_FEATURE_SIZE, word: SIGN_WINDOW_INPUT_SIZE }

export type Pipeline = {
  ready: Extract<FromWorker, { type: 'ready' }>
  loadModel(manifest: unknown, bytes: Uint8Array, backend: BackendChoice): Promise<Extract<FromWorker, { type: 'model-ready' }>>
  /** Returns the captions the change of model ended. */
  unloadModel(kind: ModelKind): Promise<CaptionEvent[]>
  frame(msg: FrameMessage): Promise<FrameResult>
  setCaptionMode(mode: CaptionMode): CaptionEvent[]
  flush(): CaptionEvent[]
  close(): void
}

export async function makePipeline(init: Init): Promise<Pipeline> {
  const task = new Uint8Array(init.task)
  if (init.taskSha256 && (await sha256Hex(task)) !== init.taskSha256) {
    throw RecognitionError.modelCorrupt('the hand landmarker bundle does not match its checksum in tasks.json')
  }
  let landmarker: Landmarker
  try {
    landmarker = await makeLandmarker({ task, delegate: init.delegate, mode: init.mode, numHands: init.numHands })
  } catch (e) {
    throw e instanceof RecognitionError ? e : RecognitionError.landmarkerFailed(e)
  }
  const luma = makeLumaMeter()
  const classifiers: Partial<Record<ModelKind, Classifier>> = {}
  let history: TimedFrameFeatures[] = []
  let lastHandT = -Infinity
  const idPrefix = Math.random().toString(36).slice(2, 10)
  const decoderOptions = () => ({
    letter: { noSign: classifiers.letter?.manifest.noSign },
    word: { noSign: classifiers.word?.manifest.noSign },
  })
  let captionMode = init.captionMode
  let decoder: Decoder = makeDecoder({ mode: captionMode, idPrefix, ...decoderOptions() })

  const toEvent = (c: DecodedCaption): CaptionEvent => ({ v: CAPTION_VERSION, ...c, tStart: init.timeOriginMs + c.tStart, tEnd: init.timeOriginMs + c.tEnd })
  /** A new model changes the decoder's labels: end what is in progress and start afresh. */
  const renewDecoder = () => {
    const ended = decoder.flush()
    decoder = makeDecoder({ mode: captionMode, idPrefix: `${idPrefix}${Math.random().toString(36).slice(2, 6)}`, ...decoderOptions() })
    return ended
  }

  return {
    ready: { type: 'ready', delegate: landmarker.delegate, variant: init.variant, delegates: landmarker.delegates },

    async loadModel(manifest, bytes, backend) {
      const classifier = await makeClassifier(manifest, bytes, backend)
      const m = classifier.manifest
      const size = m.inputShape.reduce((a, b) => a * b, 1)
      if (size !== INPUT_SIZE[m.kind]) {
        await classifier.close()
        throw RecognitionError.manifestInvalid(`model ${m.id} takes ${size} inputs; ${m.kind} features have ${INPUT_SIZE[m.kind]}`)
      }
      await classifiers[m.kind]?.close()
      classifiers[m.kind] = classifier
      renewDecoder()
      return { type: 'model-ready', id: m.id, kind: m.kind, labels: m.labels, backend: classifier.backend, backends: classifier.backends }
    },

    async unloadModel(kind) {
      await classifiers[kind]?.close()
      delete classifiers[kind]
      return renewDecoder().map(toEvent)
    },

    async frame({ seq, frame, tMs, mirrored }) {
      const t0 = performance.now()
      const observation = landmarker.detect(frame, tMs, mirrored)
      const t1 = performance.now()
      const light = luma(frame)

      const t2 = performance.now()
      const hand = mainHand(observation.hands)
      const letterInput = classifiers.letter && hand ? letterFeatures(hand, observation.aspect) : null
      const motion = hand ? handMotion(hand, observation.aspect) : null
      let wordInputs: { windowMs: number; input: Float32Array }[] = []
      if (classifiers.word) {
        history = [...history.filter((h) => h.t >= tMs - LONGEST_WINDOW_MS - SIGN_GAP_FILL_MS), { t: tMs, features: signFrameFeatures(observation) }]
        if (observation.hands.length > 0) lastHandT = tMs
        // Nothing can be signed in a window with no hand in it.
        if (tMs - lastHandT <= LONGEST_WINDOW_MS) wordInputs = windowInputs(history, tMs)
      }
      const t3 = performance.now()

      let letters: TopLabel[] = []
      if (classifiers.letter && letterInput) letters = top(await classifiers.letter.run(letterInput), classifiers.letter.manifest.labels)
      const windows: WindowScores[] = []
      for (const w of wordInputs) windows.push({ windowMs: w.windowMs, top: top(await (classifiers.word as Classifier).run(w.input), (classifiers.word as Classifier).manifest.labels) })
      const t4 = performance.now()

      const captions = decoder
        .push({ t: tMs, hand: motion, letters: classifiers.letter ? letters : null, windows: classifiers.word ? windows : null })
        .map(toEvent)
      const t5 = performance.now()
      return {
        type: 'result',
        seq,
        tMs,
        observation,
        luma: light,
        timings: { landmarksMs: t1 - t0, featuresMs: t3 - t2, classifierMs: t4 - t3, totalMs: t5 - t0 },
        letters,
        words: windows.reduce<TopLabel[]>((best, w) => ((w.top[0]?.p ?? 0) > (best[0]?.p ?? 0) ? w.top : best), []),
        captions,
      }
    },

    setCaptionMode(mode) {
      captionMode = mode
      return decoder.setMode(mode).map(toEvent)
    },
    flush: () => decoder.flush().map(toEvent),
    close() {
      landmarker.close()
      for (const c of Object.values(classifiers)) void c?.close()
    },
  }
}

/** The hand a fingerspeller uses: the most confident detection. */
function mainHand(hands: HandObservation[]): HandObservation | undefined {
  let best: HandObservation | undefined
  for (const h of hands) if (!best || h.score > best.score) best = h
  return best
}

/** Each window ends now; the shared code picks the frames it needs (with its gap-fill margin) from the history. */
function windowInputs(history: TimedFrameFeatures[], tMs: number) {
  const first = history[0]
  if (!first) return []
  return SIGN_WINDOW_MS.filter((ms) => tMs - first.t >= MIN_WINDOW_COVER * ms).map((windowMs) => ({
    windowMs,
    input: signWindowFromFeatures(history, { startMs: tMs - windowMs, endMs: tMs }),
  }))
}

function top(probs: Float32Array, labels: readonly string[]): TopLabel[] {
  const idx = Array.from(probs.keys()).sort((a, b) => (probs[b] as number) - (probs[a] as number))
  return idx.slice(0, TOP_LABELS).map((i) => ({ label: labels[i] ?? String(i), p: probs[i] as number }))
}

