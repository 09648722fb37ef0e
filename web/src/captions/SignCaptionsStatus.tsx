/**
 * @module What the signer needs to know while their signs are captioned: the models loading, a
 * problem, or a hint about the camera view (no hand, too dark). A polite status, so it is read
 * out once when it changes, not on every frame.
 */
import { Match, Show, Switch } from 'solid-js'
import { describeGuidance, describeRecognitionError } from '../recognition/describeRecognitionError'
import type { SignCaptions } from './createSignCaptions'
import { describeCaptionError, describeUnsupportedLanguage } from './errors'

export function SignCaptionsStatus(props: { sign: SignCaptions; cameraOn: boolean }) {
  const rec = () => props.sign.recognizer()
  /** The newest problem worth showing; `no-webgpu` only says which processor runs the model. */
  const problem = () => rec()?.errors().filter((e) => e.reason !== 'no-webgpu').at(-1) ?? null
  const percent = () => {
    const p = rec()?.progress()
    return p?.totalBytes ? Math.round((100 * p.loadedBytes) / p.totalBytes) : null
  }
  return (
    <Show when={props.sign.enabled()}>
      <p class="sign-status" role="status">
        <Switch fallback="Captioning your signs.">
          <Match when={!props.cameraOn}>{describeCaptionError('camera-off')}</Match>
          <Match when={props.sign.unavailable()}>{describeCaptionError('recognition-unavailable')}</Match>
          <Match when={(!rec() || rec()!.status() === 'loading') && percent() !== 100}>
            Loading sign recognition…{' '}
            <Show when={percent() !== null}>
              <progress max="100" value={percent()!} aria-label="Sign recognition loaded" /> {percent()}%
            </Show>
          </Match>
          <Match when={rec()!.status() === 'loading' || rec()!.status() === 'restarting'}>Starting sign recognition…</Match>
          <Match when={rec()!.status() === 'failed' && problem()}>{(p) => describeRecognitionError(p().reason)}</Match>
          <Match when={props.sign.unsupportedLanguage()}>{(u) => describeUnsupportedLanguage(u().language, u().supported)}</Match>
          <Match when={props.sign.noModels()}>{describeCaptionError('no-sign-models')}</Match>
          <Match when={problem()}>{(p) => describeRecognitionError(p().reason)}</Match>
          <Match when={describeGuidance(rec()!.guidance())}>{(hint) => hint()}</Match>
        </Switch>
      </p>
    </Show>
  )
}
