import { describe, expect, it } from 'vitest'
import { initials } from './initials'

describe('initials', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initials('ada king lovelace')).toBe('AL')
  })
  it('takes one letter for a one-word name', () => {
    expect(initials('Zoë')).toBe('Z')
  })
  it('keeps a letter outside the BMP whole', () => {
    expect(initials('𝒜lice 𝒵hou')).toBe('𝒜𝒵')
  })
  it('survives a blank name', () => {
    expect(initials('   ')).toBe('?')
  })
})
