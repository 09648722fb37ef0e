/**
 * @module The captions side panel: the history of the call's captions (kept on this device), its
 * export as text, WebVTT or SRT, and this viewer's caption settings.
 */
import { createUniqueId, Show } from 'solid-js'
import type { CaptionEntry } from './captionLog'
import { CaptionHistory } from './CaptionHistory'
import type { CaptionSettings } from './captionSettings'
import { CaptionSettingsForm } from './CaptionSettingsForm'
import { downloadText } from './downloadText'
import { describeCaptionError, type CaptionError } from './errors'
import { exportSrt } from './exportSrt'
import { exportTxt } from './exportTxt'
import { exportVtt } from './exportVtt'

export function CaptionPanel(props: {
  entries: readonly CaptionEntry[]
  originMs: number
  settings: CaptionSettings
  voices: readonly SpeechSynthesisVoice[]
  speechAvailable: boolean
  historyError: CaptionError | null
  onSettings: (patch: Partial<CaptionSettings>) => void
  onCorrect: (entry: CaptionEntry, meant: string) => void
  onClose: () => void
}) {
  const id = createUniqueId()
  const stamp = () => new Date(props.originMs).toISOString().slice(0, 16).replace(/[:T]/g, '-')
  const save = (ext: 'txt' | 'vtt' | 'srt') => {
    const name = `silenttalk-captions-${stamp()}.${ext}`
    if (ext === 'txt') downloadText(name, exportTxt(props.entries, props.originMs, 'SilentTalk call captions'), 'text/plain')
    if (ext === 'vtt') downloadText(name, exportVtt(props.entries, props.originMs), 'text/vtt')
    if (ext === 'srt') downloadText(name, exportSrt(props.entries, props.originMs), 'application/x-subrip')
  }
  return (
    <aside class="caption-panel" aria-labelledby={`${id}-title`}>
      <div class="chat-head">
        <h2 id={`${id}-title`}>Transcript</h2>
        <button type="button" class="button small" onClick={() => props.onClose()}>
          Close transcript
        </button>
      </div>
      <Show when={props.historyError}>{(e) => <p class="alert warning">{describeCaptionError(e().reason)}</p>}</Show>
      <CaptionHistory entries={props.entries} onCorrect={props.onCorrect} />
      <div class="caption-export" role="group" aria-label="Save the captions">
        <span aria-hidden="true">Save as</span>
        <button type="button" class="button small" aria-label="Save as text" onClick={() => save('txt')}>
          Text
        </button>
        <button type="button" class="button small" aria-label="Save as WebVTT" onClick={() => save('vtt')}>
          WebVTT
        </button>
        <button type="button" class="button small" aria-label="Save as SRT" onClick={() => save('srt')}>
          SRT
        </button>
      </div>
      <details class="caption-settings-box">
        <summary>Caption settings</summary>
        <CaptionSettingsForm settings={props.settings} onChange={props.onSettings} voices={props.voices} speechAvailable={props.speechAvailable} />
      </details>
    </aside>
  )
}
