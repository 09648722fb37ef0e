import { describe, expect, it } from 'vitest'
import { lessonPlan } from './lessonPlan'
import type { Catalog } from './loadCatalog'
import { recordAttempt } from './progress'

const catalog: Catalog = {
  letters: { id: 'asl-letters', kind: 'letter', labels: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('') },
  words: { id: 'asl-words', kind: 'word', labels: ['hello', 'thank-you', 'no-sign'], noSign: 'no-sign' },
}
const custom = [{ id: 'c1', name: 'abdomen' }]

describe('lesson plans', () => {
  it('practises letters with the letter model only, captioning letters', () => {
    const p = lessonPlan('alphabet', catalog, custom, new Map())
    expect(p).toMatchObject({ models: ['asl-letters'], captionMode: 'letters' })
    expect(p.items).toHaveLength(26)
  })

  it('practises signs with the word model, without its "no sign" label', () => {
    const p = lessonPlan('signs', catalog, custom, new Map())
    expect(p.models).toEqual(['asl-words'])
    expect(p.items.map((i) => i.key)).toEqual(['asl-words:hello', 'asl-words:thank-you'])
  })

  it('practises custom signs with no classifier at all (the hand landmarker alone)', () => {
    expect(lessonPlan('custom', catalog, custom, new Map())).toMatchObject({ models: [], items: [{ key: 'custom:c1' }] })
  })

  it('narrows a lesson to one sign', () => {
    expect(lessonPlan('alphabet', catalog, custom, new Map(), 'B').items.map((i) => i.key)).toEqual(['asl-letters:B'])
    expect(lessonPlan('spelling', catalog, custom, new Map(), 'CAT').items.map((i) => i.key)).toEqual(['spell:CAT'])
  })

  it('reviews the weakest signs of every kind, loading the models they need', () => {
    const progress = new Map(
      [recordAttempt(undefined, 'asl-letters:Q', false, 1), recordAttempt(undefined, 'asl-words:hello', false, 2), recordAttempt(undefined, 'asl-letters:A', true, 3)].map((p) => [p.key, p]),
    )
    const p = lessonPlan('review', catalog, custom, progress)
    expect(p.items.map((i) => i.key)).toEqual(['asl-letters:Q', 'asl-words:hello', 'asl-letters:A'])
    expect(p).toMatchObject({ models: ['asl-letters', 'asl-words'], captionMode: 'both' })
  })

  it('has nothing to practise when the build has no models', () => {
    expect(lessonPlan('alphabet', { letters: null, words: null }, [], new Map()).items).toEqual([])
  })
})
