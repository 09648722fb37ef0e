import { describe, expect, it } from 'vitest'
import { DEFAULT_CAPTION_PREFS } from '../../../shared/protocol/api/profile'
import { DEFAULT_CAPTION_SETTINGS } from './captionSettings'
import { startingSettings } from './createCaptionSettings'

const profile = (signLanguage: 'bfi' | 'fsl', updatedAtMs: number) => ({ captionPrefs: DEFAULT_CAPTION_PREFS, signLanguage, updatedAtMs })

describe('the caption settings a call starts with', () => {
  it('are the ones saved on this device', () => {
    const saved = { ...DEFAULT_CAPTION_SETTINGS, size: 'small', signLanguage: 'Auslan', savedAtMs: 2_000 }
    expect(startingSettings(saved, profile('bfi', 1_000))).toMatchObject({ size: 'small', signLanguage: 'Auslan' })
    expect(startingSettings(saved, null)).toMatchObject({ size: 'small', signLanguage: 'Auslan' })
  })

  it('take the sign language from a profile changed after they were saved, keeping the rest', () => {
    const saved = { ...DEFAULT_CAPTION_SETTINGS, size: 'small', savedAtMs: 1_000 }
    expect(startingSettings(saved, profile('bfi', 2_000))).toMatchObject({ size: 'small', signLanguage: 'BSL' })
    // Saved by a build that did not stamp the time: the profile is taken as newer.
    expect(startingSettings({ ...DEFAULT_CAPTION_SETTINGS, size: 'small' }, profile('fsl', 2_000))).toMatchObject({ size: 'small', signLanguage: 'LSF' })
  })

  it('start from the profile on a device with nothing saved, and from the defaults for a guest', () => {
    expect(startingSettings(null, profile('fsl', 1))).toMatchObject({ signLanguage: 'LSF' })
    expect(startingSettings(null, null)).toEqual(DEFAULT_CAPTION_SETTINGS)
  })
})
