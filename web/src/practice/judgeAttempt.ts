/**
 * @module Judges what the recogniser saw against the prompt: right or wrong, what it saw instead,
 * how sure it was, and which signs' progress the attempt counts for. Pure; one judge per prompt.
 */
import type { PracticeItem } from './lessons'
import type { Observation } from './readCaptions'
import { displayLabel } from './signs'

export type Feedback = {
  correct: boolean
  /** What was asked for (a letter, a sign, a custom sign's name). */
  expected: string
  /** What the recogniser saw, as the user reads it. */
  saw: string
  confidence: number
  /** The prompt is done: the next one can come. */
  complete: boolean
  /** Progress to record: the sign attempted and, when a spelled word is finished, the word. */
  records: { key: string; correct: boolean }[]
}

export type AttemptJudge = {
  push(o: Observation): Feedback | null
  /** For a spelled word: how many letters are done. */
  position(): number
}

const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0

export function makeAttemptJudge(item: PracticeItem, nameOf: (o: Observation) => string = (o) => o.label): AttemptJudge {
  let position = 0
  let mistakes = 0
  let done = false

  return {
    position: () => position,
    push(o) {
      if (done) return null
      if (item.kind === 'spell') {
        if (o.kind !== 'letter') return null
        const target = item.letters[position]!
        const correct = o.label === target.label
        const records = [{ key: target.key, correct }]
        if (correct) position++
        else mistakes++
        done = position === item.letters.length
        if (done) records.push({ key: item.key, correct: mistakes === 0 })
        return { correct, expected: target.name, saw: o.label, confidence: o.confidence, complete: done, records }
      }
      const sign = item.sign
      if (o.kind !== sign.kind) return null
      const correct = sign.kind === 'word' ? same(o.label, displayLabel(sign.label)) : o.label === sign.label
      done = correct
      return { correct, expected: sign.name, saw: nameOf(o), confidence: o.confidence, complete: correct, records: [{ key: sign.key, correct }] }
    },
  }
}
