/**
 * @module The word model: which signs, where "no sign" comes from, augmentation, architecture and
 * training schedule. A window of frames → one of the signs that at least three different people
 * recorded, or "no sign".
 */
import { SIGN_STEP_SIZE, SIGN_WINDOW_FRAMES, SIGN_WINDOW_INPUT_SIZE, signWindowInput } from '../../shared/features/signFeatures'
import type { FrameObservation } from '../../shared/features/observation'
import type { LetterSample, SignSequence } from '../data/types'
import { augmentWindow, SEQUENCE_AUGMENT, wholeWindow, type Window } from '../train/augmentSequence'
import { fitNet, type EpochData } from '../train/fit'
import type { NetSpec } from '../train/net'
import { makeRandom, type Random } from '../train/random'

/** Sign → caption label (the decoder shows `-` as a space). */
export const WORD_SIGNS: Record<string, string> = {
  hello: 'hello',
  thankyou: 'thank-you',
  iloveyou: 'I-love-you',
  please: 'please',
  yes: 'yes',
  no: 'no',
  help: 'help',
}
export const NO_SIGN = 'no-sign'
export const WORD_LABELS = [...Object.values(WORD_SIGNS), NO_SIGN]

/**
 * Signs kept out of the "no sign" class because they look like one of ours: GOOD is THANK YOU's
 * movement, HI and (GOOD)BYE are waves like HELLO, phrases contain our signs, LOVE is close to
 * I LOVE YOU. Their sequences are not used at all.
 */
const LOOKALIKES = new Set([
  'good', 'goodmorning', 'goodafternoon', 'goodnight', 'goodbye', 'bye', 'hi', 'thankyouverymuch', 'haveagoodday',
  'allthebest', 'love', 'welcome', 'yourewelcome', 'fine', 'howareyou', 'howare', 'mynameis', 'niceto', 'meetyou',
  'seeyoulater', 'excuseme', 'sorry', 'me', 'i',
])

/** Labels of sign sequences; the single letters and digits of samyabose are fingerspelling, not words. */
export function wordClass(label: string): number | 'unused' {
  const sign = WORD_SIGNS[label]
  if (sign) return WORD_LABELS.indexOf(sign)
  if (LOOKALIKES.has(label)) return 'unused'
  return WORD_LABELS.indexOf(NO_SIGN)
}

export const WORD_NET: NetSpec = {
  inputShape: [SIGN_WINDOW_FRAMES, SIGN_STEP_SIZE],
  hidden: [
    { type: 'dense', units: 32, activation: 'relu' },
    { type: 'flatten' },
    { type: 'dropout', rate: 0.2 },
    { type: 'dense', units: 64, activation: 'relu' },
  ],
  classes: WORD_LABELS.length,
}

export type WordTraining = { epochs: number; perClass: number; batchSize: number; learningRate: number; seed: number }
export const WORD_TRAINING: WordTraining = { epochs: 30, perClass: 1000, batchSize: 128, learningRate: 2e-3, seed: 4 }

/** Sets whose takes are trimmed to the sign (padded in training); the others include lead-in and rest. */
const isTrimmed = (s: SignSequence) => s.source === 'kaggle-islr'

type Pools = { bySign: Map<number, Map<string, SignSequence[]>>; other: SignSequence[]; edges: SignSequence[]; still: LetterSample[] }

function pools(sequences: SignSequence[], letters: LetterSample[]): Pools {
  const bySign = new Map<number, Map<string, SignSequence[]>>()
  const other: SignSequence[] = []
  const noSign = WORD_LABELS.indexOf(NO_SIGN)
  for (const s of sequences) {
    const c = wordClass(s.label)
    if (c === 'unused') continue
    if (c === noSign) {
      other.push(s)
      continue
    }
    const people = bySign.get(c) ?? new Map<string, SignSequence[]>()
    people.get(s.person)?.push(s) ?? people.set(s.person, [s])
    bySign.set(c, people)
  }
  // The first or last stretch of a webcam take is the hand rising or resting, not yet the sign;
  // I LOVE YOU is excluded because its handshape alone is the sign.
  const edges = sequences.filter((s) => !isTrimmed(s) && (s.label === 'hello' || s.label === 'thankyou' || s.label === 'please'))
  return { bySign, other, edges, still: letters }
}

/** One epoch: `perClass` windows of every sign (person first, so no one signer dominates) and 1.5× that of "no sign". */
export function wordEpoch(p: Pools, perClass: number, rnd: Random): EpochData {
  const windows: { w: Window; y: number }[] = []
  for (const [c, people] of p.bySign) {
    const names = [...people.keys()]
    for (let i = 0; i < perClass; i++) {
      const seq = rnd.pick(people.get(rnd.pick(names))!)
      windows.push({ w: augmentWindow(seq, SEQUENCE_AUGMENT, rnd, isTrimmed(seq)), y: c })
    }
  }
  const noSign = WORD_LABELS.indexOf(NO_SIGN)
  for (let i = 0; i < Math.round(1.5 * perClass); i++) windows.push({ w: noSignWindow(p, rnd), y: noSign })
  rnd.shuffle(windows)
  const x = new Float32Array(windows.length * SIGN_WINDOW_INPUT_SIZE)
  const y = new Int32Array(windows.length)
  windows.forEach((s, i) => {
    x.set(signWindowInput(s.w.frames, { startMs: s.w.startMs, endMs: s.w.endMs }), i * SIGN_WINDOW_INPUT_SIZE)
    y[i] = s.y
  })
  return { x, y, rows: windows.length }
}

/**
 * "No sign": other signs (55%), the lead-in or rest of a take (15%), a still hand such as a held
 * fingerspelled letter (20%), and hands absent or only glimpsed (10%).
 */
function noSignWindow(p: Pools, rnd: Random): Window {
  const u = rnd.next()
  if (u < 0.55 && p.other.length) {
    const seq = rnd.pick(p.other)
    return augmentWindow(seq, SEQUENCE_AUGMENT, rnd, isTrimmed(seq))
  }
  if (u < 0.7 && p.edges.length) return edgeWindow(rnd.pick(p.edges), rnd)
  if (u < 0.9 && p.still.length) return stillWindow(rnd.pick(p.still), rnd)
  return glimpseWindow(p, rnd)
}

function edgeWindow(seq: SignSequence, rnd: Random): Window {
  const w = wholeWindow(seq)
  const n = w.frames.length
  const len = Math.max(3, Math.round(n * rnd.uniform(0.2, 0.3)))
  const fromStart = rnd.chance(0.5)
  const frames = fromStart ? w.frames.slice(0, len) : w.frames.slice(n - len)
  return { frames, startMs: frames[0]!.t, endMs: frames[frames.length - 1]!.t }
}

/** A hand held still (with tremor) for a whole window. */
function stillWindow(s: LetterSample, rnd: Random): Window {
  const n = 12 + rnd.int(20)
  const frames: FrameObservation[] = []
  const drift = { x: rnd.uniform(-0.01, 0.01), y: rnd.uniform(-0.01, 0.01) }
  const handedness = rnd.chance(0.5) ? 'Right' : 'Left'
  for (let i = 0; i < n; i++) {
    frames.push({
      t: i * 50,
      aspect: s.aspect,
      hands: [
        {
          score: 1,
          handedness,
          landmarks: s.hand.landmarks.map((q) => ({
            x: q.x + drift.x * i * 0.1 + rnd.normal() * 0.002,
            y: q.y + drift.y * i * 0.1 + rnd.normal() * 0.002,
            z: q.z,
          })),
        },
      ],
    })
  }
  return { frames, startMs: 0, endMs: (n - 1) * 50 }
}

/** No hands, or a hand in only a few frames at one end (entering or leaving the picture). */
function glimpseWindow(p: Pools, rnd: Random): Window {
  const source = p.other.length ? rnd.pick(p.other) : undefined
  const frames = source ? wholeWindow(source).frames : []
  const n = frames.length || 20
  const keep = rnd.int(4)
  const atEnd = rnd.chance(0.5)
  const out = Array.from({ length: n }, (_, i) => {
    const visible = atEnd ? i >= n - keep : i < keep
    const f = frames[i]
    return { t: i * 50, aspect: f?.aspect ?? 1, hands: visible && f ? f.hands : [] }
  })
  return { frames: out, startMs: 0, endMs: (n - 1) * 50 }
}

export function trainWords(sequences: SignSequence[], letters: LetterSample[], t: WordTraining = WORD_TRAINING, log?: (l: string) => void) {
  const rnd = makeRandom(t.seed)
  const p = pools(sequences, letters)
  return fitNet(WORD_NET, {
    epochs: t.epochs,
    batchSize: t.batchSize,
    learningRate: t.learningRate,
    seed: t.seed,
    makeEpoch: () => wordEpoch(p, t.perClass, rnd),
    log,
  })
}

export type WordEvalSet = { x: Float32Array; y: number[]; persons: string[]; rows: number }

/** Every usable sequence as recorded, as one window. */
export function wordEvalSet(sequences: SignSequence[]): WordEvalSet {
  const kept = sequences.filter((s) => wordClass(s.label) !== 'unused')
  const x = new Float32Array(kept.length * SIGN_WINDOW_INPUT_SIZE)
  kept.forEach((s, i) => {
    const w = wholeWindow(s)
    x.set(signWindowInput(w.frames, { startMs: w.startMs, endMs: w.endMs }), i * SIGN_WINDOW_INPUT_SIZE)
  })
  return { x, y: kept.map((s) => wordClass(s.label) as number), persons: kept.map((s) => s.person), rows: kept.length }
}
