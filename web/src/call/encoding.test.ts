import { describe, expect, it } from 'vitest'
import { VIDEO_MAX_BITRATE_BPS, VIDEO_MIN_SHARE_BPS, videoBitrateCapBps } from './encoding'

describe('videoBitrateCapBps', () => {
  it('gives a one-to-one call the full quality', () => {
    expect(videoBitrateCapBps(1)).toBe(VIDEO_MAX_BITRATE_BPS)
  })

  it('shares the uplink between copies as the mesh grows', () => {
    expect(videoBitrateCapBps(4)).toBe(1_000_000)
    expect(videoBitrateCapBps(7)).toBe(571_429)
  })

  it('never asks for less than a legible 30 fps stream needs', () => {
    expect(videoBitrateCapBps(63)).toBe(VIDEO_MIN_SHARE_BPS)
  })

  it('treats an empty room like a one-to-one call', () => {
    expect(videoBitrateCapBps(0)).toBe(VIDEO_MAX_BITRATE_BPS)
  })
})
