/**
 * @module The pre-join screen: see yourself, set your name, choose mic and camera, join. A camera
 * that is blocked, missing or busy is explained, and joining without it stays possible.
 */
import { createEffect, createMemo, createSignal, createUniqueId, For, onMount, Show } from 'solid-js'
import { MAX_NAME_CHARS } from '../../../shared/protocol/signalling'
import { useSession } from '../account/session'
import { pageTitle } from '../ui/pageTitle'
import { StreamVideo } from '../ui/StreamVideo'
import type { LocalMediaSignals } from './createLocalMedia'
import { describeCallError } from './describeCallError'
import { cleanDisplayName, loadDisplayName, saveDisplayName } from './displayName'
import type { CallError } from './errors'
import { MediaToggle } from './MediaToggle'

export function Prejoin(props: { local: LocalMediaSignals; onJoin: (name: string) => void }) {
  pageTitle('Join the call')
  const nameId = createUniqueId()
  let nameInput!: HTMLInputElement
  const session = useSession()
  const [name, setName] = createSignal(session.me()?.profile.displayName ?? loadDisplayName())
  // Signed in: the profile name, unless the user already typed one (the session may restore later).
  let typed = false
  createEffect(() => {
    const profileName = session.me()?.profile.displayName
    if (profileName && !typed) setName(profileName)
  })
  const [nameMissing, setNameMissing] = createSignal(false)
  const [errors, setErrors] = createSignal<CallError[]>([])
  const [starting, setStarting] = createSignal(true)
  const local = props.local

  const preview = createMemo(() => {
    const track = local.videoTrack()
    return track ? new MediaStream([track]) : null
  })

  onMount(async () => {
    if (!local.micOn() && !local.cameraOn()) setErrors(await local.media.start({ audio: true, video: true }))
    setStarting(false)
  })

  /** Keeps the errors of the other device and replaces this device's with the new outcome. */
  const settle = (device: 'camera' | 'mic', error: CallError | null) =>
    setErrors((all) => [...all.filter((e) => !e.reason.startsWith(device) && e.reason !== 'media-unsupported'), ...(error ? [error] : [])])

  function join(e: SubmitEvent) {
    e.preventDefault()
    const cleaned = cleanDisplayName(name())
    if (!cleaned) {
      setNameMissing(true)
      nameInput.focus()
      return
    }
    saveDisplayName(cleaned)
    props.onJoin(cleaned)
  }

  return (
    <section class="page prejoin" aria-labelledby="prejoin-title">
      <h1 id="prejoin-title">Ready to join?</h1>
      <div class="prejoin-grid">
        <div class="preview">
          <Show
            when={preview()}
            fallback={
              <div class="video-placeholder" role="img" aria-label="Camera preview: camera is off">
                <span aria-hidden="true">{starting() ? 'Starting camera…' : 'Camera is off'}</span>
              </div>
            }
          >
            <StreamVideo stream={preview()} mirrored muted label="Camera preview (mirrored, as others see you flipped back)" />
          </Show>
          <div class="toggles">
            <MediaToggle kind="mic" on={local.micOn()} onToggle={async () => settle('mic', await local.media.setMic(!local.micOn()))} />
            <MediaToggle kind="camera" on={local.cameraOn()} onToggle={async () => settle('camera', await local.media.setCamera(!local.cameraOn()))} />
          </div>
        </div>
        <form class="prejoin-form" onSubmit={join} novalidate>
          <label for={nameId}>Your name</label>
          <input
            id={nameId}
            ref={nameInput}
            type="text"
            autocomplete="name"
            maxlength={MAX_NAME_CHARS}
            value={name()}
            onInput={(e) => {
              typed = true
              setName(e.currentTarget.value)
              setNameMissing(false)
            }}
            aria-describedby={`${nameId}-hint${nameMissing() ? ` ${nameId}-error` : ''}`}
            aria-invalid={nameMissing()}
          />
          <p id={`${nameId}-hint`} class="hint">
            Shown to everyone in the call. Remembered on this device.
          </p>
          <Show when={nameMissing()}>
            <p id={`${nameId}-error`} class="field-error">
              Please enter a name so others know who you are.
            </p>
          </Show>
          <For each={errors()}>
            {(e) => (
              <div class="alert warning" role="alert">
                <p class="alert-title">{describeCallError(e).title}</p>
                <p>{describeCallError(e).detail}</p>
              </div>
            )}
          </For>
          <button type="submit" class="button primary large">
            {local.cameraOn() ? 'Join' : 'Join without video'}
          </button>
        </form>
      </div>
    </section>
  )
}
