/**
 * @module The fingerspelling model: data, augmentation, architecture and training schedule. One
 * frame, one hand → A–Z. J and Z are taken as the still frames the sets hold; their motion is left to
 * the decoder (see models/asl-letters/MODEL_CARD.md).
 */
import { LETTER_FEATURE_SIZE, letterFeatures } from '../../shared/features/letterFeatures'
import type { LetterSample } from '../data/types'
import { augmentHand, type HandAugment } from '../train/augmentHand'
import { fitNet, type EpochData } from '../train/fit'
import type { NetSpec } from '../train/net'
import { makeRandom, type Random } from '../train/random'

export const LETTER_LABELS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('')

export const LETTER_NET: NetSpec = {
  inputShape: [LETTER_FEATURE_SIZE],
  hidden: [
    { type: 'dense', units: 128, activation: 'relu' },
    { type: 'dropout', rate: 0.15 },
    { type: 'dense', units: 64, activation: 'relu' },
  ],
  classes: LETTER_LABELS.length,
}

/**
 * Wide turns and stretch: people differ most in how their hand faces the camera. Held out by person
 * (5 folds), 65° turns with 50 epochs lifted accuracy from 87.6% (20°, 30 epochs) to 89.5%
 * (MODEL_CARD.md).
 */
export const LETTER_AUGMENT: HandAugment = { rollDeg: 15, turnDeg: 65, stretch: 0.3, jitter: 0.03, mirror: 0.5 }

export type LetterTraining = { epochs: number; perGroup: number; batchSize: number; learningRate: number; seed: number }

/**
 * Each epoch draws up to `perGroup` samples of every (person, letter), so the one person with
 * 10,000 frames weighs no more than the people with 30: the model has to learn letters, not Boris.
 */
export const LETTER_TRAINING: LetterTraining = { epochs: 50, perGroup: 50, batchSize: 128, learningRate: 2e-3, seed: 4 }

export function letterEpoch(samples: LetterSample[], perGroup: number, rnd: Random): EpochData {
  const groups = new Map<string, LetterSample[]>()
  for (const s of samples) {
    const key = `${s.person}\u0000${s.label}`
    groups.get(key)?.push(s) ?? groups.set(key, [s])
  }
  const chosen: LetterSample[] = []
  for (const g of groups.values()) chosen.push(...rnd.shuffle([...g]).slice(0, perGroup))
  rnd.shuffle(chosen)
  const x = new Float32Array(chosen.length * LETTER_FEATURE_SIZE)
  const y = new Int32Array(chosen.length)
  let rows = 0
  for (const s of chosen) {
    const a = augmentHand(s.hand, s.aspect, LETTER_AUGMENT, rnd)
    const f = letterFeatures(a.hand, a.aspect)
    if (!f) continue
    x.set(f, rows * LETTER_FEATURE_SIZE)
    y[rows++] = LETTER_LABELS.indexOf(s.label)
  }
  return { x: x.subarray(0, rows * LETTER_FEATURE_SIZE), y: y.subarray(0, rows), rows }
}

export type LetterEvalSet = { x: Float32Array; y: number[]; persons: string[]; rows: number; skipped: number }

/** Features of samples as they are (no augmentation); degenerate detections are counted, not scored. */
export function letterEvalSet(samples: LetterSample[]): LetterEvalSet {
  const x = new Float32Array(samples.length * LETTER_FEATURE_SIZE)
  const y: number[] = []
  const persons: string[] = []
  let skipped = 0
  for (const s of samples) {
    const f = letterFeatures(s.hand, s.aspect)
    const label = LETTER_LABELS.indexOf(s.label)
    if (!f || label < 0) {
      skipped++
      continue
    }
    x.set(f, y.length * LETTER_FEATURE_SIZE)
    y.push(label)
    persons.push(s.person)
  }
  return { x: x.subarray(0, y.length * LETTER_FEATURE_SIZE), y, persons, rows: y.length, skipped }
}

export function trainLetters(samples: LetterSample[], t: LetterTraining = LETTER_TRAINING, log?: (l: string) => void, net: NetSpec = LETTER_NET) {
  const rnd = makeRandom(t.seed)
  return fitNet(net, {
    epochs: t.epochs,
    batchSize: t.batchSize,
    learningRate: t.learningRate,
    seed: t.seed,
    makeEpoch: () => letterEpoch(samples, t.perGroup, rnd),
    log,
  })
}
