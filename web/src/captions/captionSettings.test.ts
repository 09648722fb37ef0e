import { describe, expect, it } from 'vitest'
import { DEFAULT_CAPTION_PREFS } from '../../../shared/protocol/api/profile'
import {
  BACKGROUND_OPACITIES,
  CAPTION_POSITIONS,
  CAPTION_SIZES,
  captionLook,
  DEFAULT_CAPTION_SETTINGS,
  parseCaptionSettings,
  settingsFromProfile,
} from './captionSettings'
import { AA_CONTRAST, worstCaseContrast } from './contrast'

describe('caption looks', () => {
  const every = CAPTION_SIZES.flatMap((size) => BACKGROUND_OPACITIES.flatMap((backgroundOpacity) => [false, true].map((highContrast) => ({ size, backgroundOpacity, highContrast }))))

  it.each(every)('meet WCAG AA over any video: %o', (s) => {
    const look = captionLook(s)
    expect(worstCaseContrast(look.text, look.background, look.backgroundOpacity)).toBeGreaterThanOrEqual(AA_CONTRAST)
    expect(worstCaseContrast(look.name, look.background, look.backgroundOpacity)).toBeGreaterThanOrEqual(AA_CONTRAST)
  })

  it('grow with each size step and make high contrast solid yellow on black', () => {
    const sizes = CAPTION_SIZES.map((size) => captionLook({ size, backgroundOpacity: 0.75, highContrast: false }).fontSizeRem)
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b))
    expect(new Set(sizes).size).toBe(4)
    expect(captionLook({ size: 'small', backgroundOpacity: 0.6, highContrast: true })).toMatchObject({ text: { r: 255, g: 255, b: 0 }, backgroundOpacity: 1 })
  })

  it('offer six positions', () => {
    expect(CAPTION_POSITIONS).toHaveLength(6)
  })
})

describe('stored settings', () => {
  it('are read back as they were saved', () => {
    const saved = { ...DEFAULT_CAPTION_SETTINGS, position: 'top-left', size: 'x-large', backgroundOpacity: 1, highContrast: true, speak: true, voiceUri: 'Google UK English Female', speechRate: 1.5, signLanguage: 'BSL' }
    expect(parseCaptionSettings(JSON.parse(JSON.stringify(saved)))).toEqual(saved)
  })

  it('fall back to the defaults field by field for junk, unknown values and missing fields', () => {
    expect(parseCaptionSettings(null)).toEqual(DEFAULT_CAPTION_SETTINGS)
    expect(parseCaptionSettings('nonsense')).toEqual(DEFAULT_CAPTION_SETTINGS)
    const r = parseCaptionSettings({ position: 'middle', size: 'large', backgroundOpacity: 0.2, visible: 'yes', speechRate: 1.25, signLanguage: 'Klingon', extra: 1 })
    expect(r).toEqual({ ...DEFAULT_CAPTION_SETTINGS, speechRate: 1.25 })
  })

  it('start from a signed-in user’s profile preferences on a new device', () => {
    const s = settingsFromProfile({ captionPrefs: { size: 'small', position: 'top', contrast: 'high', showInterim: false }, signLanguage: 'bfi' })
    expect(s).toMatchObject({ size: 'small', position: 'top-center', highContrast: true, showInterim: false, autoSpotlight: true, signLanguage: 'BSL' })
    expect(parseCaptionSettings({}, s)).toEqual(s)
  })

  it('take the profile’s sign language, with or without models for it (never ASL in its place)', () => {
    expect(settingsFromProfile({ captionPrefs: DEFAULT_CAPTION_PREFS, signLanguage: 'asf' }).signLanguage).toBe('Auslan')
    expect(settingsFromProfile({ captionPrefs: DEFAULT_CAPTION_PREFS, signLanguage: 'gsg' }).signLanguage).toBe('DGS')
    expect(settingsFromProfile({ captionPrefs: DEFAULT_CAPTION_PREFS, signLanguage: 'other' }).signLanguage).toBe('Another')
  })
})
