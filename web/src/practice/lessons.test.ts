import { describe, expect, it } from 'vitest'
import { nextItem, signItem, spellingItems, WORKING_SET, type PracticeItem } from './lessons'
import { recordAttempt, type SignProgress } from './progress'
import { signsOfModels } from './signs'

const letters = signsOfModels([{ id: 'asl-letters', kind: 'letter', labels: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('') }])
const alphabet = letters.map(signItem)

/** Plays a lesson: the learner answers with `answer(item, n)`; returns the prompts in order. */
function practise(items: PracticeItem[], turns: number, answer: (item: PracticeItem, n: number) => boolean) {
  const progress = new Map<string, SignProgress>()
  const prompts: string[] = []
  let last: string | null = null
  for (let n = 0; n < turns; n++) {
    const item: PracticeItem = nextItem(items, progress, last)!
    prompts.push(item.kind === 'sign' ? item.sign.label : item.word)
    progress.set(item.key, recordAttempt(progress.get(item.key), item.key, answer(item, n), n))
    last = item.key
  }
  return { prompts, progress }
}

describe('lesson sequencing', () => {
  it('starts with the first letters, a few at a time, never the same one twice in a row', () => {
    const { prompts } = practise(alphabet, 12, () => true)
    expect(new Set(prompts.slice(0, 8))).toEqual(new Set(['A', 'B', 'C', 'D']))
    for (let i = 1; i < prompts.length; i++) expect(prompts[i]).not.toBe(prompts[i - 1])
  })

  it(`keeps at most ${WORKING_SET} unknown letters in play`, () => {
    const { prompts } = practise(alphabet, 40, () => false)
    expect(new Set(prompts).size).toBe(WORKING_SET)
  })

  it('brings in the next letter once one is known', () => {
    const { prompts } = practise(alphabet, 60, () => true)
    expect(prompts).toContain('E')
    expect(prompts.indexOf('E')).toBeGreaterThan(prompts.indexOf('D'))
  })

  it('asks most often for the letter the learner gets wrong', () => {
    const { prompts } = practise(alphabet.slice(0, 4), 40, (item) => item.key !== 'asl-letters:C')
    const counts = Object.fromEntries(['A', 'B', 'C', 'D'].map((l) => [l, prompts.filter((p) => p === l).length]))
    expect(counts.C).toBeGreaterThan(counts.A!)
    expect(counts.C).toBeGreaterThan(counts.D!)
  })

  it('reviews the letter practised longest ago once all are known', () => {
    const items = alphabet.slice(0, 3)
    const progress = new Map<string, SignProgress>()
    items.forEach((item, i) => {
      let p: SignProgress | undefined
      for (let k = 0; k < 10; k++) p = recordAttempt(p, item.key, true, 100 * (3 - i) + k)
      progress.set(item.key, p!)
    })
    // C was practised first (oldest), then B, then A.
    expect(nextItem(items, progress, null)?.key).toBe('asl-letters:C')
  })

  it('gives nothing for an empty lesson and the only item of a one-item lesson', () => {
    expect(nextItem([], new Map(), null)).toBeNull()
    expect(nextItem(alphabet.slice(0, 1), new Map(), 'asl-letters:A')?.key).toBe('asl-letters:A')
  })
})

describe('spelling words', () => {
  it('spells only words whose letters the model knows', () => {
    const noJZ = letters.filter((l) => l.label !== 'J' && l.label !== 'Z')
    const words = spellingItems(noJZ).map((i) => (i.kind === 'spell' ? i.word : ''))
    expect(words).toContain('CAT')
    expect(words).not.toContain('JAZZ')
    expect(words).not.toContain('PIZZA')
  })

  it('lists the letter signs of each word in order', () => {
    const [cat] = spellingItems(letters, ['CAT'])
    expect(cat?.kind === 'spell' && cat.letters.map((l) => l.key)).toEqual(['asl-letters:C', 'asl-letters:A', 'asl-letters:T'])
  })
})
