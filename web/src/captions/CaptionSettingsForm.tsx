/**
 * @module This viewer's caption settings: where captions sit, how large, how solid their box, high
 * contrast, interims, the auto-spotlight, and reading captions aloud (voice and rate). Each change
 * applies and is saved on this device at once.
 */
import { createUniqueId, For, Show } from 'solid-js'
import { SIGN_LANGUAGES } from '../../../shared/manifest/modelManifest'
import { BACKGROUND_OPACITIES, CAPTION_POSITIONS, CAPTION_SIZES, SPEECH_RATES, type CaptionSettings } from './captionSettings'

const POSITION_NAMES: Record<(typeof CAPTION_POSITIONS)[number], string> = {
  'top-left': 'Top left',
  'top-center': 'Top',
  'top-right': 'Top right',
  'bottom-left': 'Bottom left',
  'bottom-center': 'Bottom',
  'bottom-right': 'Bottom right',
}
const SIZE_NAMES: Record<(typeof CAPTION_SIZES)[number], string> = { small: 'Small', medium: 'Medium', large: 'Large', 'x-large': 'Extra large' }

export function CaptionSettingsForm(props: {
  settings: CaptionSettings
  onChange: (patch: Partial<CaptionSettings>) => void
  voices: readonly SpeechSynthesisVoice[]
  speechAvailable: boolean
}) {
  const id = createUniqueId()
  const check = (key: 'highContrast' | 'showInterim' | 'autoSpotlight' | 'speak' | 'visible', label: string) => (
    <label class="check">
      <input type="checkbox" checked={props.settings[key]} onChange={(e) => props.onChange({ [key]: e.currentTarget.checked })} /> {label}
    </label>
  )
  return (
    <div class="caption-settings">
      <fieldset>
        <legend>Captions on screen</legend>
        {check('visible', 'Show captions (key: C)')}
        <label for={`${id}-pos`}>Position</label>
        <select id={`${id}-pos`} value={props.settings.position} onChange={(e) => props.onChange({ position: e.currentTarget.value as CaptionSettings['position'] })}>
          <For each={CAPTION_POSITIONS}>{(p) => <option value={p}>{POSITION_NAMES[p]}</option>}</For>
        </select>
        <label for={`${id}-size`}>Text size</label>
        <select id={`${id}-size`} value={props.settings.size} onChange={(e) => props.onChange({ size: e.currentTarget.value as CaptionSettings['size'] })}>
          <For each={CAPTION_SIZES}>{(s) => <option value={s}>{SIZE_NAMES[s]}</option>}</For>
        </select>
        <label for={`${id}-bg`}>Background</label>
        <select id={`${id}-bg`} value={String(props.settings.backgroundOpacity)} disabled={props.settings.highContrast} onChange={(e) => props.onChange({ backgroundOpacity: Number(e.currentTarget.value) })}>
          <For each={BACKGROUND_OPACITIES}>{(o) => <option value={String(o)}>{o === 1 ? 'Solid' : `${Math.round(o * 100)}% opaque`}</option>}</For>
        </select>
        {check('highContrast', 'High contrast (yellow on black)')}
        {check('showInterim', 'Show signs while they are being recognised')}
      </fieldset>
      <fieldset>
        <legend>Your signing</legend>
        <label for={`${id}-lang`}>I sign in</label>
        <select id={`${id}-lang`} value={props.settings.signLanguage} onChange={(e) => props.onChange({ signLanguage: e.currentTarget.value as CaptionSettings['signLanguage'] })}>
          <For each={SIGN_LANGUAGES}>{(l) => <option value={l}>{l === 'Another' ? 'Another sign language' : l}</option>}</For>
        </select>
        <p class="hint">Sign captions use only models made for this language.</p>
      </fieldset>
      <fieldset>
        <legend>Layout</legend>
        {check('autoSpotlight', 'Make whoever is signing large (a pin overrides it)')}
      </fieldset>
      <fieldset>
        <legend>Read captions aloud</legend>
        <Show when={props.speechAvailable} fallback={<p class="hint">This browser cannot read captions aloud.</p>}>
          {check('speak', "Read other people's sign captions aloud")}
          <label for={`${id}-voice`}>Voice</label>
          <select id={`${id}-voice`} value={props.settings.voiceUri ?? ''} onChange={(e) => props.onChange({ voiceUri: e.currentTarget.value || null })}>
            <option value="">Browser default</option>
            <For each={props.voices}>{(v) => <option value={v.voiceURI}>{`${v.name} (${v.lang})`}</option>}</For>
          </select>
          <label for={`${id}-rate`}>Speed</label>
          <select id={`${id}-rate`} value={String(props.settings.speechRate)} onChange={(e) => props.onChange({ speechRate: Number(e.currentTarget.value) })}>
            <For each={SPEECH_RATES}>{(r) => <option value={String(r)}>{r === 1 ? 'Normal' : `${r}×`}</option>}</For>
          </select>
        </Show>
      </fieldset>
    </div>
  )
}
