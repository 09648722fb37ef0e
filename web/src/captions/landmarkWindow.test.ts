import { describe, expect, it } from 'vitest'
import type { FrameObservation } from '../../../shared/features/observation'
import { landmarkWindow, trimFrames } from './landmarkWindow'

const ORIGIN = 1_700_000_000_000
const frames: FrameObservation[] = Array.from({ length: 100 }, (_, i) => ({ t: i * 100, hands: [], aspect: 4 / 3 }))

describe('the landmarks behind a caption', () => {
  it('are the frames from just before it started to just after it ended, on the frames’ clock', () => {
    const got = landmarkWindow(frames, { tStart: ORIGIN + 2_000, tEnd: ORIGIN + 3_000 }, ORIGIN, 500)
    expect(got.map((f) => f.t)).toEqual([1_500, 1_600, 1_700, 1_800, 1_900, 2_000, 2_100, 2_200, 2_300, 2_400, 2_500, 2_600, 2_700, 2_800, 2_900, 3_000, 3_100, 3_200, 3_300, 3_400, 3_500])
  })

  it('are none for a caption older than the frames still held', () => {
    expect(landmarkWindow(frames.slice(50), { tStart: ORIGIN + 1_000, tEnd: ORIGIN + 2_000 }, ORIGIN, 500)).toEqual([])
  })
})

describe('the frames held for corrections', () => {
  it('reach back a fixed time from the newest', () => {
    expect(trimFrames([...frames], 1_000).map((f) => f.t)).toEqual([8_900, 9_000, 9_100, 9_200, 9_300, 9_400, 9_500, 9_600, 9_700, 9_800, 9_900])
    expect(trimFrames([], 1_000)).toEqual([])
  })
})
