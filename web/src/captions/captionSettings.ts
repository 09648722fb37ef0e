/**
 * @module How this viewer wants captions shown and spoken, kept on this device (localStorage).
 * Pure: parsing what was stored (field by field, so a value from an older or newer build loses
 * only that field) and the colours and sizes each choice means, which the tests hold to WCAG AA.
 */
import { modelLanguageOf, SIGN_LANGUAGES, type SignLanguage } from '../../../shared/manifest/modelManifest'
import type { Profile } from '../../../shared/protocol/api/profile'
import { parseHex, type Rgb } from './contrast'

export const CAPTION_POSITIONS = ['top-left', 'top-center', 'top-right', 'bottom-left', 'bottom-center', 'bottom-right'] as const
export type CaptionPosition = (typeof CAPTION_POSITIONS)[number]
/** The profile's sizes (issue #7), so a signed-in user's choice carries over. */
export const CAPTION_SIZES = ['small', 'medium', 'large', 'x-large'] as const
export type CaptionSize = (typeof CAPTION_SIZES)[number]
/**
 * Below 0.6 white text on the black box over a white video frame falls under 4.5:1 (see
 * contrast.test.ts), so lighter boxes are not offered.
 */
export const BACKGROUND_OPACITIES = [0.6, 0.75, 0.9, 1] as const
export const SPEECH_RATES = [0.75, 1, 1.25, 1.5, 2] as const

export type CaptionSettings = {
  /** Captions on screen (the "c" key); recognition and history go on either way. */
  visible: boolean
  position: CaptionPosition
  size: CaptionSize
  backgroundOpacity: number
  highContrast: boolean
  /** Show letters and signs while they are still being recognised. */
  showInterim: boolean
  /** Move whoever is signing onto the stage; a pin always wins. */
  autoSpotlight: boolean
  /** Read other people's sign captions aloud (for hearing participants). */
  speak: boolean
  /** `SpeechSynthesisVoice.voiceURI`; null for the browser's default voice. */
  voiceUri: string | null
  speechRate: number
  /** The sign language this user signs in: sign captions run only the models made for it. */
  signLanguage: SignLanguage
}

export const DEFAULT_CAPTION_SETTINGS: CaptionSettings = {
  visible: true,
  position: 'bottom-center',
  size: 'large',
  backgroundOpacity: 0.75,
  highContrast: false,
  showInterim: true,
  autoSpotlight: true,
  speak: false,
  voiceUri: null,
  speechRate: 1,
  signLanguage: 'ASL',
}

/**
 * A signed-in user's saved caption preferences and sign language, as the starting point on a new
 * device. A language no model is made for is kept too: sign captions then say so plainly.
 */
export function settingsFromProfile({ captionPrefs: prefs, signLanguage }: Pick<Profile, 'captionPrefs' | 'signLanguage'>): CaptionSettings {
  return {
    ...DEFAULT_CAPTION_SETTINGS,
    signLanguage: modelLanguageOf(signLanguage),
    size: prefs.size,
    position: prefs.position === 'top' ? 'top-center' : 'bottom-center',
    highContrast: prefs.contrast === 'high',
    showInterim: prefs.showInterim,
  }
}

const oneOf = <T>(values: readonly T[], v: unknown): v is T => values.includes(v as T)

/** Whatever was stored (or nothing, or junk) → settings; each bad or missing field takes its default. */
export function parseCaptionSettings(raw: unknown, defaults: CaptionSettings = DEFAULT_CAPTION_SETTINGS): CaptionSettings {
  const s = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  const bool = (k: keyof CaptionSettings): boolean => (typeof s[k] === 'boolean' ? (s[k] as boolean) : (defaults[k] as boolean))
  return {
    visible: bool('visible'),
    position: oneOf(CAPTION_POSITIONS, s.position) ? s.position : defaults.position,
    size: oneOf(CAPTION_SIZES, s.size) ? s.size : defaults.size,
    backgroundOpacity: oneOf(BACKGROUND_OPACITIES, s.backgroundOpacity) ? s.backgroundOpacity : defaults.backgroundOpacity,
    highContrast: bool('highContrast'),
    showInterim: bool('showInterim'),
    autoSpotlight: bool('autoSpotlight'),
    speak: bool('speak'),
    voiceUri: typeof s.voiceUri === 'string' && s.voiceUri.length <= 500 ? s.voiceUri : defaults.voiceUri,
    speechRate: oneOf(SPEECH_RATES, s.speechRate) ? s.speechRate : defaults.speechRate,
    signLanguage: oneOf(SIGN_LANGUAGES, s.signLanguage) ? s.signLanguage : defaults.signLanguage,
  }
}

export type CaptionLook = {
  text: Rgb
  /** The speaker's name, shown before their line. */
  name: Rgb
  background: Rgb
  backgroundOpacity: number
  fontSizeRem: number
}

const FONT_REM: Record<CaptionSize, number> = { small: 1.125, medium: 1.5, large: 2, 'x-large': 2.75 }

/** High contrast is yellow on solid black (the broadcast caption convention), whatever opacity was chosen. */
export function captionLook(s: Pick<CaptionSettings, 'size' | 'backgroundOpacity' | 'highContrast'>): CaptionLook {
  const black = parseHex('#000000')
  if (s.highContrast) return { text: parseHex('#ffff00'), name: parseHex('#ffffff'), background: black, backgroundOpacity: 1, fontSizeRem: FONT_REM[s.size] }
  return { text: parseHex('#ffffff'), name: parseHex('#ffffff'), background: black, backgroundOpacity: s.backgroundOpacity, fontSizeRem: FONT_REM[s.size] }
}

export const cssColor = ({ r, g, b }: Rgb, alpha = 1) => `rgb(${r} ${g} ${b} / ${alpha})`
