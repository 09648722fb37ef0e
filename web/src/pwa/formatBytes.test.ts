import { describe, expect, it } from 'vitest'
import { formatBytes } from './formatBytes'

describe('formatBytes', () => {
  it('shows bytes, kilobytes and megabytes in SI units', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(850_400)).toBe('850 kB')
    expect(formatBytes(4_060_164)).toBe('4.1 MB')
    expect(formatBytes(32_800_000)).toBe('33 MB')
  })
  it('shows a dash for a size it cannot know', () => {
    expect(formatBytes(Number.NaN)).toBe('–')
  })
})
