import { describe, expect, it } from 'vitest'
import { makeAttemptJudge } from './judgeAttempt'
import { signItem, spellingItems } from './lessons'
import { customSign, signsOfModels } from './signs'

const [letters, words] = [
  signsOfModels([{ id: 'asl-letters', kind: 'letter', labels: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('') }]),
  signsOfModels([{ id: 'asl-words', kind: 'word', labels: ['hello', 'thank-you', 'no-sign'], noSign: 'no-sign' }]),
]
const letter = (l: string) => signItem(letters.find((s) => s.label === l)!)

describe('judging a practice attempt', () => {
  it('says right for the prompted letter and completes the prompt', () => {
    const judge = makeAttemptJudge(letter('B'))
    expect(judge.push({ kind: 'letter', label: 'B', confidence: 0.92 })).toEqual({
      correct: true, expected: 'B', saw: 'B', confidence: 0.92, complete: true, records: [{ key: 'asl-letters:B', correct: true }],
    })
    expect(judge.push({ kind: 'letter', label: 'B', confidence: 0.9 })).toBeNull()
  })

  it('says what it saw instead when wrong, and lets the learner try again', () => {
    const judge = makeAttemptJudge(letter('A'))
    expect(judge.push({ kind: 'letter', label: 'S', confidence: 0.71 })).toMatchObject({ correct: false, expected: 'A', saw: 'S', complete: false, records: [{ key: 'asl-letters:A', correct: false }] })
    expect(judge.push({ kind: 'letter', label: 'A', confidence: 0.8 })).toMatchObject({ correct: true, complete: true })
  })

  it('matches a sign by its caption text', () => {
    const judge = makeAttemptJudge(signItem(words.find((w) => w.label === 'thank-you')!))
    expect(judge.push({ kind: 'letter', label: 'T', confidence: 0.9 })).toBeNull()
    expect(judge.push({ kind: 'word', label: 'Thank you', confidence: 0.88 })).toMatchObject({ correct: true, expected: 'thank you' })
  })

  it('names a custom sign it saw instead by its name', () => {
    const judge = makeAttemptJudge(signItem(customSign('c1', 'abdomen')), (o) => (o.label === 'c2' ? 'coffee' : o.label))
    expect(judge.push({ kind: 'custom', label: 'c2', confidence: 0.6 })).toMatchObject({ correct: false, expected: 'abdomen', saw: 'coffee' })
    expect(judge.push({ kind: 'custom', label: 'c1', confidence: 0.7 })).toMatchObject({ correct: true })
  })

  it('walks a spelled word letter by letter, counting the word right only without mistakes', () => {
    const [cat] = spellingItems(letters, ['CAT'])
    const judge = makeAttemptJudge(cat!)
    expect(judge.push({ kind: 'letter', label: 'C', confidence: 0.9 })).toMatchObject({ correct: true, complete: false, records: [{ key: 'asl-letters:C', correct: true }] })
    expect(judge.push({ kind: 'letter', label: 'E', confidence: 0.6 })).toMatchObject({ correct: false, expected: 'A', saw: 'E' })
    expect(judge.position()).toBe(1)
    judge.push({ kind: 'letter', label: 'A', confidence: 0.9 })
    expect(judge.push({ kind: 'letter', label: 'T', confidence: 0.9 })).toMatchObject({
      complete: true,
      records: [{ key: 'asl-letters:T', correct: true }, { key: 'spell:CAT', correct: false }],
    })
  })
})
