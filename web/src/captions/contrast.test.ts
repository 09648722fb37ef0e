import { describe, expect, it } from 'vitest'
import { AA_CONTRAST, contrastRatio, parseHex, worstCaseContrast } from './contrast'

describe('contrast (WCAG 2.1)', () => {
  it('matches the ratios WCAG gives for known pairs', () => {
    expect(contrastRatio(parseHex('#ffffff'), parseHex('#000000'))).toBeCloseTo(21, 5)
    expect(contrastRatio(parseHex('#777777'), parseHex('#ffffff'))).toBeCloseTo(4.48, 2)
    expect(contrastRatio(parseHex('#ffff00'), parseHex('#000000'))).toBeCloseTo(19.56, 2)
  })

  it('judges a see-through box by the worst video frame behind it', () => {
    const white = parseHex('#ffffff')
    const black = parseHex('#000000')
    expect(worstCaseContrast(white, black, 1)).toBeCloseTo(21, 5)
    // Half-transparent black over a white frame is mid grey: white text fails AA there.
    expect(worstCaseContrast(white, black, 0.5)).toBeLessThan(AA_CONTRAST)
    // Grey text can match the box over some frame: no contrast at all.
    expect(worstCaseContrast(parseHex('#505050'), black, 0.6)).toBe(1)
  })
})
