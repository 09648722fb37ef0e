/**
 * @module The call's captions so far, with who and when, as a scrolling list that follows the newest
 * unless the reader has scrolled up; each can be marked wrong with the right text. It is a log but
 * not live (aria-live off): the overlay already announces each caption once.
 */
import { createEffect, createSignal, createUniqueId, For, on, Show } from 'solid-js'
import { SELF, shownText, type CaptionEntry } from './captionLog'

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })
/** Within this of the bottom counts as "at the bottom": following the newest. */
const FOLLOW_SLACK_PX = 24

export function CaptionHistory(props: { entries: readonly CaptionEntry[]; onCorrect: (entry: CaptionEntry, meant: string) => void }) {
  let log!: HTMLDivElement
  let following = true
  const finals = () => props.entries.filter((e) => e.event.final)
  const [editing, setEditing] = createSignal<string | null>(null)

  createEffect(
    on(
      () => finals().length,
      () => {
        if (following) log.scrollTop = log.scrollHeight
      },
    ),
  )

  return (
    <div
      class="caption-history"
      ref={log}
      role="log"
      aria-live="off"
      aria-label="Caption history"
      tabindex="0"
      onScroll={() => (following = log.scrollHeight - log.scrollTop - log.clientHeight < FOLLOW_SLACK_PX)}
    >
      <ol class="chat-list">
        <For each={finals()} fallback={<li class="chat-empty">No captions yet.</li>}>
          {(e) => (
            <li class="chat-message" classList={{ mine: e.from === SELF }}>
              <p class="chat-meta">
                <span class="chat-name">{e.from === SELF ? 'You' : e.name}</span>{' '}
                <time datetime={new Date(e.event.tStart).toISOString()}>{timeFormat.format(e.event.tStart)}</time>
                {e.event.kind === 'typed' ? ' · typed' : ''}
              </p>
              <p class="chat-text">
                {shownText(e)}
                <Show when={e.corrected !== undefined}>
                  <span class="corrected"> (corrected from “{e.event.text}”)</span>
                </Show>
              </p>
              <Show
                when={editing() === e.key}
                fallback={
                  <button type="button" class="link-button" aria-label={`Correct “${shownText(e)}”`} onClick={() => setEditing(e.key)}>
                    Correct
                  </button>
                }
              >
                <CorrectionForm
                  entry={e}
                  onSave={(meant) => {
                    props.onCorrect(e, meant)
                    setEditing(null)
                  }}
                  onCancel={() => setEditing(null)}
                />
              </Show>
            </li>
          )}
        </For>
      </ol>
    </div>
  )
}

function CorrectionForm(props: { entry: CaptionEntry; onSave: (meant: string) => void; onCancel: () => void }) {
  const id = createUniqueId()
  let input!: HTMLInputElement
  return (
    <form
      class="correction"
      onSubmit={(ev) => {
        ev.preventDefault()
        if (input.value.trim()) props.onSave(input.value)
      }}
    >
      <label for={id}>What was meant</label>
      <input id={id} ref={(el) => ((input = el), queueMicrotask(() => el.focus()))} type="text" value={shownText(props.entry)} autocomplete="off" />
      <div class="correction-actions">
        <button type="submit" class="button small primary">
          Save
        </button>
        <button type="button" class="button small" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </div>
    </form>
  )
}
