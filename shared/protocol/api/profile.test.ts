import { describe, expect, it } from 'vitest'
import { searchQuerySchema } from './contacts'
import { displayNameSchema } from './profile'

describe('display names', () => {
  it('take any script, with spaces and punctuation', () => {
    for (const name of ['Ana', 'José María', 'مريم', '手話 太郎', "O'Neil-Smith", '🤟 Sam']) expect(displayNameSchema.parse(name).ok).toBe(true)
  })

  it('refuse names that hide or reverse what they say, or say nothing', () => {
    for (const name of ['\u202eevil', 'a\u2066b', '\u200b\u200b', '   ', 'tab\there', 'nul\u0000']) expect(displayNameSchema.parse(name).ok).toBe(false)
  })
})

describe('contact search', () => {
  it('refuses control characters, which would cut the match short', () => {
    expect(searchQuerySchema.parse('\u0000\u0000').ok).toBe(false)
    expect(searchQuerySchema.parse('\u0000a').ok).toBe(false)
    expect(searchQuerySchema.parse('an').ok).toBe(true)
  })
})
