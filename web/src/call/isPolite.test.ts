import { describe, expect, it } from 'vitest'
import { randomId } from '../../../shared/protocol/ids'
import { isPolite } from './isPolite'

describe('isPolite', () => {
  it('makes exactly one side of every pair polite', () => {
    for (let i = 0; i < 200; i++) {
      const a = randomId()
      const b = randomId()
      expect(isPolite(a, b)).toBe(!isPolite(b, a))
    }
  })

  it('is the same answer every time for the same pair, so a resumed peer keeps its role', () => {
    expect(isPolite('B'.repeat(22), 'A'.repeat(22))).toBe(true)
    expect(isPolite('A'.repeat(22), 'B'.repeat(22))).toBe(false)
  })

  it('refuses to pair a peer with itself', () => {
    expect(() => isPolite('A'.repeat(22), 'A'.repeat(22))).toThrow()
  })
})
