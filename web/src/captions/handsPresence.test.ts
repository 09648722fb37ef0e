import { describe, expect, it } from 'vitest'
import { HANDS_NONE, nextHandsPresence, type HandsPresence } from './handsPresence'

const frames = (hands: number[], stepMs = 100) => {
  let s: HandsPresence = HANDS_NONE
  return hands.map((n, i) => (s = nextHandsPresence(s, n, i * stepMs)).up)
}

describe('hands up or down, as viewers are told', () => {
  it('goes up at the first frame with a hand', () => {
    expect(frames([0, 0, 1])).toEqual([false, false, true])
  })

  it('stays up through a few frames the landmarker missed, and goes down after a longer gap', () => {
    expect(frames([1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0])).toEqual([true, true, true, true, true, true, true, true, true, false, false])
  })
})
