/**
 * @module Teaching SilentTalk a new sign: a name, then at least three takes from the camera, each
 * starting when the hands come up and ending when they go down, recorded one after another without
 * touching the device. Only the hand landmarks are kept, never video. A take that does not look
 * like the others is pointed out. If the device is out of storage, the takes stay on screen and can
 * be downloaded, so nothing is lost.
 */
import { createEffect, createMemo, createSignal, For, on, Show } from 'solid-js'
import type { FrameObservation } from '../../../../shared/features/observation'
import { createRecognizer } from '../../recognition/createRecognizer'
import { datedFileName, downloadText } from '../downloadText'
import { describePracticeError, storageError, type PracticeError } from '../errors'
import { HandAnimation } from '../glossary/HandAnimation'
import { PracticeCamera } from '../PracticeCamera'
import { rememberedDelegate } from '../rememberDelegate'
import { calibrate } from './calibrate'
import { customSignsFile, MAX_NAME_CHARS, MAX_TAKES } from './customSignFile'
import type { CustomSignStore } from './customSignStore'
import { MIN_TAKES, takeSequence, type CustomSignRecord } from './customSignTemplates'
import { makeTakeRecorder, type TakePhase, type TakeRecorder } from './recordTake'

export function TeachSign(props: { store: CustomSignStore; onSaved: (r: CustomSignRecord) => void; onCancel: () => void }) {
  const [video, setVideo] = createSignal<HTMLVideoElement>()
  const [name, setName] = createSignal('')
  const [takes, setTakes] = createSignal<FrameObservation[][]>([])
  const [phase, setPhase] = createSignal<TakePhase | null>(null)
  const [saving, setSaving] = createSignal(false)
  const [error, setError] = createSignal<PracticeError | null>(null)
  let recorder: TakeRecorder | null = null

  const rec = createRecognizer({ video, delegate: rememberedDelegate(), models: [], captionMode: 'words' })

  createEffect(
    on(rec.hands, (frame) => {
      if (!frame || !recorder) return
      const p = recorder.push(frame)
      setPhase(p)
      if (p !== 'done') return
      const take = recorder.take()!
      const t0 = take[0]!.t
      setTakes((ts) => [...ts, take.map((f) => ({ ...f, t: f.t - t0 }))])
      // Straight on to the next take until there are enough.
      recorder = takes().length < MIN_TAKES ? makeTakeRecorder() : null
      setPhase(recorder ? recorder.phase() : null)
    }),
  )

  function record() {
    setError(null)
    recorder = makeTakeRecorder()
    setPhase(recorder.phase())
  }
  function stop() {
    recorder = null
    setPhase(null)
  }

  const outliers = createMemo(() => (takes().length >= MIN_TAKES ? calibrate(takes().map((t) => takeSequence(t).sequence), []).outliers : []))
  const canSave = () => name().trim() !== '' && takes().length >= MIN_TAKES && !saving()
  const takeNo = () => takes().length + 1

  async function save(e: Event) {
    e.preventDefault()
    if (!canSave()) return
    setSaving(true)
    setError(null)
    try {
      props.onSaved(await props.store.add(name(), takes()))
    } catch (err) {
      setError(storageError(err))
    } finally {
      setSaving(false)
    }
  }

  function downloadTakes() {
    const now = Date.now()
    const unsaved: CustomSignRecord = { id: 'unsaved', name: name().trim() || 'My sign', createdAt: now, updatedAt: now, takes: takes() }
    downloadText(datedFileName('silenttalk-sign'), JSON.stringify(customSignsFile([unsaved], now)))
  }

  return (
    <form class="teach-sign card" onSubmit={save} aria-labelledby="teach-title">
      <h2 id="teach-title">Teach a new sign</h2>
      <label for="sign-name">What does the sign mean?</label>
      <input id="sign-name" type="text" maxLength={MAX_NAME_CHARS} value={name()} onInput={(e) => setName(e.currentTarget.value)} required />
      <p class="hint">
        Make the sign at least {MIN_TAKES} times. Each take starts when your hands come into view and ends when you lower them. Only the positions of your
        hands are stored on this device, never the video.
      </p>
      <PracticeCamera rec={rec} onVideo={setVideo}>
        <Show when={phase()}>
          {(p) => (
            <p class="take-phase" data-phase={p()} role="status">
              {p() === 'lower-hands' ? `Lower your hands out of view to start take ${takeNo()}.` : p() === 'waiting' ? `Take ${takeNo()}: make the sign now.` : `Recording take ${takeNo()}…`}
            </p>
          )}
        </Show>
      </PracticeCamera>
      <div class="actions">
        <Show
          when={phase() === null}
          fallback={
            <button type="button" class="button" onClick={stop}>
              Stop recording
            </button>
          }
        >
          <button type="button" class="button" onClick={record} disabled={rec.status() !== 'ready' || takes().length >= MAX_TAKES}>
            {takes().length === 0 ? 'Record takes' : 'Record another take'}
          </button>
        </Show>
      </div>
      <ol class="takes" aria-label="Takes">
        <For each={takes()}>
          {(take, i) => (
            <li classList={{ outlier: outliers().includes(i()) }} data-frames={take.length}>
              <HandAnimation frames={take} fps={30} label={`take ${i() + 1}`} sizePx={120} mirrored />
              <span>
                Take {i() + 1}: {(take[take.length - 1]!.t / 1000).toFixed(1)} s
                <Show when={outliers().includes(i())}> — does not look like the others; remove it and record again?</Show>
              </span>
              <button type="button" class="button small" onClick={() => setTakes((ts) => ts.filter((_, k) => k !== i()))}>
                Remove
              </button>
            </li>
          )}
        </For>
      </ol>
      <div class="actions">
        <button type="submit" class="button primary" disabled={!canSave()}>
          {saving() ? 'Saving…' : `Save sign${takes().length < MIN_TAKES ? ` (${takes().length} of ${MIN_TAKES} takes)` : ''}`}
        </button>
        <button type="button" class="button" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </div>
      <div role="status">
        <Show when={error()}>
          {(e) => (
            <div class="alert error">
              <p>{describePracticeError(e())}</p>
              <button type="button" class="button small" onClick={downloadTakes}>
                Download these takes
              </button>
            </div>
          )}
        </Show>
      </div>
    </form>
  )
}
