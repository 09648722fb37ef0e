/**
 * @module The word model: which signs, where "no sign" comes from, augmentation, architecture and
 * training schedule. A window of frames → one of the signs that at least three different people
 * recorded, or "no sign".
 */
import { SIGN_STEP_SIZE, SIGN_WINDOW_FRAMES, SIGN_WINDOW_INPUT_SIZE, signWindowInput } from '../../shared/features/signFeatures'
import type { FrameObservation } from '../../shared/features/observation'
import type { LetterSample, SignSequence } from '../data/types'
import { augmentScene, augmentWindow, SEQUENCE_AUGMENT, wholeWindow, type Window } from '../train/augmentSequence'
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
}
export const NO_SIGN = 'no-sign'
export const WORD_LABELS = [...Object.values(WORD_SIGNS), NO_SIGN]

/**
 * Signs kept out of the "no sign" class because they look like one of ours: GOOD is THANK YOU's
 * movement, HI and (GOOD)BYE are waves like HELLO, phrases contain our signs, LOVE is close to
 * I LOVE YOU. Their sequences are not used at all. HELP (6 people) is left out of the vocabulary:
 * held out, 20% of what it predicted was another sign (mostly PLEASE), and it fired on the hand
 * rising into view at the start of the Start ASL clips; its takes serve as "no sign".
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
    { type: 'dense', units: 48, activation: 'relu' },
    { type: 'flatten' },
    { type: 'dropout', rate: 0.2 },
    { type: 'dense', units: 96, activation: 'relu' },
  ],
  classes: WORD_LABELS.length,
}

export type WordTraining = {
  epochs: number
  perClass: number
  /** Share of a sign's windows drawn from the Deaf signers (Kaggle ISLR) where the sign has them. */
  deafShare: number
  batchSize: number
  learningRate: number
  seed: number
}
export const WORD_TRAINING: WordTraining = { epochs: 30, perClass: 500, deafShare: 0.6, batchSize: 128, learningRate: 2e-3, seed: 4 }

/** Sets whose takes are trimmed to the sign (padded in training); the others include lead-in and rest. */
const isTrimmed = (s: SignSequence) => s.source === 'kaggle-islr'

type Pools = {
  bySign: Map<number, Map<string, SignSequence[]>>
  other: SignSequence[]
  edges: SignSequence[]
  any: SignSequence[]
  still: LetterSample[]
}

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
  const any = sequences.filter((s) => wordClass(s.label) !== 'unused')
  return { bySign, other, edges, any, still: letters }
}

/**
 * One epoch: `perClass` windows of every sign (person first, so no one signer dominates; Deaf
 * signers first where a sign has them) and 1.5× that of "no sign".
 */
export function wordEpoch(p: Pools, perClass: number, deafShare: number, rnd: Random): EpochData {
  const windows: { w: Window; y: number }[] = []
  for (const [c, people] of p.bySign) {
    const names = [...people.keys()]
    const deaf = names.filter((n) => people.get(n)!.some(isTrimmed))
    const hobby = names.filter((n) => !deaf.includes(n))
    for (let i = 0; i < perClass; i++) {
      // Most of a sign's windows come from the Deaf signers where it has them: they are the people
      // the model is for, and far fewer than the hobbyists.
      const group = deaf.length && (hobby.length === 0 || rnd.chance(deafShare)) ? deaf : hobby
      const seq = rnd.pick(people.get(rnd.pick(group))!)
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
 * "No sign": other signs (45%), the lead-in or rest of a take (10%), hands dropping out of or
 * rising into the picture around a sign (15%), a still hand such as a held fingerspelled letter
 * (20%), and hands absent or only glimpsed (10%).
 */
function noSignWindow(p: Pools, rnd: Random): Window {
  const u = rnd.next()
  if (u < 0.45 && p.other.length) {
    const seq = rnd.pick(p.other)
    return augmentWindow(seq, SEQUENCE_AUGMENT, rnd, isTrimmed(seq))
  }
  if (u < 0.55 && p.edges.length) return edgeWindow(rnd.pick(p.edges), rnd)
  if (u < 0.7 && p.any.length) return leaveWindow(rnd.pick(p.any), rnd)
  if (u < 0.9 && p.still.length) return stillWindow(rnd.pick(p.still), rnd)
  return glimpseWindow(p, rnd)
}

/**
 * The hands of a take's last (or first) frames carried down out of the picture (or up into it from
 * below), as a signer drops their hands after a sign: the movement that otherwise reads as the end
 * of THANK YOU. The window holds at most a fifth of the sign itself.
 */
function leaveWindow(seq: SignSequence, rnd: Random): Window {
  const whole = wholeWindow(seq).frames.filter((f) => f.hands.length > 0)
  if (whole.length < 2) return emptyWindow()
  const entering = rnd.chance(0.4)
  const kept = Math.max(1, Math.round(whole.length * rnd.uniform(0.05, 0.2)))
  const held = entering ? whole.slice(0, kept) : whole.slice(whole.length - kept)
  const edge = entering ? held[0]! : held[held.length - 1]!
  const moves = 8 + rnd.int(12)
  const top = Math.min(...edge.hands.map((h) => Math.min(...h.landmarks.map((q) => q.y))))
  const drop = 1.05 - top + rnd.uniform(0, 0.2)
  const moving: FrameObservation[] = []
  for (let i = 1; i <= moves; i++) {
    const d = drop * (i / moves) ** 1.5
    const hands = edge.hands
      .map((h) => ({ ...h, landmarks: h.landmarks.map((q) => ({ ...q, y: q.y + d, x: q.x + rnd.normal() * 0.002 })) }))
      .filter((h) => h.landmarks[0]!.y < 1.02)
    moving.push({ t: 0, aspect: edge.aspect, hands })
  }
  const ordered = entering ? [...moving.reverse(), ...held] : [...held, ...moving]
  const frames = ordered.map((f, i) => ({ ...f, t: i * 50 }))
  return augmentScene({ frames, startMs: 0, endMs: (frames.length - 1) * 50 }, SEQUENCE_AUGMENT, rnd)
}

function edgeWindow(seq: SignSequence, rnd: Random): Window {
  const w = wholeWindow(seq)
  const n = w.frames.length
  const len = Math.max(3, Math.round(n * rnd.uniform(0.2, 0.3)))
  const fromStart = rnd.chance(0.5)
  const frames = fromStart ? w.frames.slice(0, len) : w.frames.slice(n - len)
  return augmentScene({ frames, startMs: frames[0]!.t, endMs: frames[frames.length - 1]!.t }, SEQUENCE_AUGMENT, rnd)
}

/**
 * A hand held still (with tremor) for a whole window, placed where a hand would be in a call's
 * picture: the letter sets are often wrist-relative, so the hand is rescaled and put somewhere
 * plausible first.
 */
function stillWindow(s: LetterSample, rnd: Random): Window {
  const aspect = 4 / 3
  const lm = s.hand.landmarks
  const palmNow = Math.hypot((lm[9]!.x - lm[0]!.x) * s.aspect, lm[9]!.y - lm[0]!.y) || 1
  const k = rnd.uniform(0.06, 0.14) / palmNow
  const wrist = { x: rnd.uniform(0.15, 0.85), y: rnd.uniform(0.35, 0.95) }
  const placed = lm.map((q) => ({ x: wrist.x + ((q.x - lm[0]!.x) * s.aspect * k) / aspect, y: wrist.y + (q.y - lm[0]!.y) * k, z: q.z * k }))
  const n = 12 + rnd.int(20)
  const handedness = rnd.chance(0.5) ? 'Right' : 'Left'
  const frames: FrameObservation[] = Array.from({ length: n }, (_, i) => ({
    t: i * 50,
    aspect,
    hands: [{ score: 1, handedness, landmarks: placed.map((q) => ({ x: q.x + rnd.normal() * 0.002, y: q.y + rnd.normal() * 0.002, z: q.z })) }],
  }))
  return augmentScene({ frames, startMs: 0, endMs: (n - 1) * 50 }, SEQUENCE_AUGMENT, rnd)
}

const emptyWindow = (): Window => ({ frames: Array.from({ length: 20 }, (_, i) => ({ t: i * 50, aspect: 4 / 3, hands: [] })), startMs: 0, endMs: 950 })

/** No hands, or a hand in only a few frames at one end (entering or leaving the picture). */
function glimpseWindow(p: Pools, rnd: Random): Window {
  const source = p.other.length ? rnd.pick(p.other) : undefined
  const frames = source ? wholeWindow(source).frames : []
  const n = frames.length || 20
  const keep = rnd.int(3)
  const atEnd = rnd.chance(0.5)
  const out = Array.from({ length: n }, (_, i) => {
    const visible = atEnd ? i >= n - keep : i < keep
    const f = frames[i]
    return { t: i * 50, aspect: f?.aspect ?? 1, hands: visible && f ? f.hands : [] }
  })
  return augmentScene({ frames: out, startMs: 0, endMs: (n - 1) * 50 }, SEQUENCE_AUGMENT, rnd)
}

export function trainWords(sequences: SignSequence[], letters: LetterSample[], t: WordTraining = WORD_TRAINING, log?: (l: string) => void) {
  const rnd = makeRandom(t.seed)
  const p = pools(sequences, letters)
  return fitNet(WORD_NET, {
    epochs: t.epochs,
    batchSize: t.batchSize,
    learningRate: t.learningRate,
    seed: t.seed,
    makeEpoch: () => wordEpoch(p, t.perClass, t.deafShare, rnd),
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
