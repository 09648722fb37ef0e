import { describe, expect, it } from 'vitest'
import referenceFile from './referenceTakes.json'
import { SIGN_DESCRIPTIONS } from './signDescriptions'

describe('glossary', () => {
  const labels = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'hello', 'thank-you', 'I-love-you', 'please', 'yes', 'no']

  it('describes every letter and every sign the models are trained on', () => {
    // models/recipes: LETTER_LABELS and WORD_SIGNS.
    for (const l of labels) expect(SIGN_DESCRIPTIONS[l], l).toBeDefined()
  })

  it('has a reference take to animate for each of them', () => {
    const withTakes = new Set(referenceFile.takes.map((t) => t.label))
    for (const l of labels) expect(withTakes.has(l), l).toBe(true)
  })
})
