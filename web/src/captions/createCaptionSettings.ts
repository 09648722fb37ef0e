/**
 * @module This viewer's caption settings as a signal, saved on this device (localStorage) as they
 * change. A signed-in user with nothing saved here starts from their profile's caption preferences and sign language.
 */
import { createSignal } from 'solid-js'
import type { Profile } from '../../../shared/protocol/api/profile'
import { DEFAULT_CAPTION_SETTINGS, parseCaptionSettings, settingsFromProfile, type CaptionSettings } from './captionSettings'

export const CAPTION_SETTINGS_KEY = 'silenttalk.captionSettings'

function read(): unknown {
  try {
    const raw = localStorage.getItem(CAPTION_SETTINGS_KEY)
    return raw === null ? null : JSON.parse(raw)
  } catch {
    // Storage blocked or a value that is not JSON: start from the defaults.
    return null
  }
}

/**
 * The settings saved here, and the profile's sign language where the profile changed after they
 * were saved: the language a user states in their profile reaches every device of theirs.
 */
export function startingSettings(stored: unknown, profile?: Pick<Profile, 'captionPrefs' | 'signLanguage' | 'updatedAtMs'> | null): CaptionSettings {
  const defaults = profile ? settingsFromProfile(profile) : DEFAULT_CAPTION_SETTINGS
  const settings = parseCaptionSettings(stored, defaults)
  const savedAtMs = typeof stored === 'object' && stored !== null ? (stored as { savedAtMs?: unknown }).savedAtMs : undefined
  const profileIsNewer = profile && (typeof savedAtMs !== 'number' || savedAtMs < profile.updatedAtMs)
  return profileIsNewer ? { ...settings, signLanguage: defaults.signLanguage } : settings
}

export function createCaptionSettings(profile?: Pick<Profile, 'captionPrefs' | 'signLanguage' | 'updatedAtMs'> | null) {
  const defaults = profile ? settingsFromProfile(profile) : DEFAULT_CAPTION_SETTINGS
  const [settings, setSettings] = createSignal<CaptionSettings>(startingSettings(read(), profile))
  const update = (patch: Partial<CaptionSettings>) => {
    const next = parseCaptionSettings({ ...settings(), ...patch }, defaults)
    setSettings(next)
    try {
      localStorage.setItem(CAPTION_SETTINGS_KEY, JSON.stringify({ ...next, savedAtMs: Date.now() }))
    } catch {
      // Storage full or blocked: the setting holds for this call only.
    }
  }
  return { settings, update }
}
