/**
 * @module `/captions`: the captions of past calls kept on this device (IndexedDB), newest first,
 * each to save as text, WebVTT or SRT, or to delete. Nothing here was ever on the server.
 */
import { createResource, For, Show } from 'solid-js'
import { pageTitle } from '../ui/pageTitle'
import { openCaptionStore, type CallRecord } from './captionStore'
import { downloadText } from './downloadText'
import { CaptionError, describeCaptionError } from './errors'
import { exportSrt } from './exportSrt'
import { exportTxt } from './exportTxt'
import { exportVtt } from './exportVtt'
import './captions.css'

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

export default function CaptionArchivePage() {
  pageTitle('Saved captions')
  const [store] = createResource(() =>
    openCaptionStore().catch((e: unknown) => {
      throw e instanceof CaptionError ? e : CaptionError.history(e)
    }),
  )
  const [calls, { refetch }] = createResource(store, (s) => s.listCalls())

  async function save(call: CallRecord, ext: 'txt' | 'vtt' | 'srt') {
    const loaded = await store()!.loadCall(call.callId)
    if (!loaded) return
    const stamp = new Date(call.startedAtMs).toISOString().slice(0, 16).replace(/[:T]/g, '-')
    const name = `silenttalk-captions-${stamp}.${ext}`
    if (ext === 'txt') downloadText(name, exportTxt(loaded.entries, call.startedAtMs, `SilentTalk call with ${call.names.join(', ')}`), 'text/plain')
    if (ext === 'vtt') downloadText(name, exportVtt(loaded.entries, call.startedAtMs), 'text/vtt')
    if (ext === 'srt') downloadText(name, exportSrt(loaded.entries, call.startedAtMs), 'application/x-subrip')
  }
  async function remove(call: CallRecord) {
    await store()!.deleteCall(call.callId)
    await refetch()
  }

  return (
    <section class="page caption-archive" aria-labelledby="archive-title">
      <h1 id="archive-title">Saved captions</h1>
      <p class="hint">The captions of your calls, kept only on this device. They were never sent to a server.</p>
      <Show when={store.error}>{(e) => <p class="alert warning">{describeCaptionError((e() as CaptionError).reason)}</p>}</Show>
      <Show when={calls()}>
        {(list) => (
          <ul class="archive-list">
            <For each={list()} fallback={<li class="hint">No captions saved yet. Captions are kept here after each call.</li>}>
              {(call) => (
                <li class="card">
                  <h2 class="archive-title">{dateFormat.format(call.startedAtMs)}</h2>
                  <p class="hint">
                    {call.names.join(', ')} · {call.entryCount} {call.entryCount === 1 ? 'caption' : 'captions'}
                  </p>
                  <div class="actions" role="group" aria-label={`Captions of ${dateFormat.format(call.startedAtMs)}`}>
                    <button type="button" class="button small" onClick={() => void save(call, 'txt')}>
                      Save as text
                    </button>
                    <button type="button" class="button small" onClick={() => void save(call, 'vtt')}>
                      Save as WebVTT
                    </button>
                    <button type="button" class="button small" onClick={() => void save(call, 'srt')}>
                      Save as SRT
                    </button>
                    <button type="button" class="button small danger" onClick={() => void remove(call)}>
                      Delete
                    </button>
                  </div>
                </li>
              )}
            </For>
          </ul>
        )}
      </Show>
    </section>
  )
}
