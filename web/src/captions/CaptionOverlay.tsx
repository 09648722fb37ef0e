/**
 * @module The live captions over the call: the last few turns, each with the signer's (or typist's)
 * name, styled and placed as this viewer chose. It is the page's caption live region: finals are
 * announced politely as they are added; interims are visual only (aria-hidden), because a screen
 * reader re-reading every half-formed letter would drown out the conversation.
 *
 * Turns and captions are listed by key (strings), so a caption that updates keeps its element and
 * only its text changes: nothing already read is announced again.
 */
import { createMemo, For, Show } from 'solid-js'
import { SELF, shownText, type CaptionEntry } from './captionLog'
import { captionLook, cssColor, type CaptionSettings } from './captionSettings'
import { captionTurns } from './captionTurns'
import './captions.css'

export function CaptionOverlay(props: { entries: readonly CaptionEntry[]; nowMs: number; settings: CaptionSettings }) {
  const turns = createMemo(() => captionTurns(props.entries, props.nowMs, props.settings.showInterim))
  const turnByKey = createMemo(() => new Map(turns().map((t) => [t.key, t])))
  const entryByKey = createMemo(() => new Map(turns().flatMap((t) => t.entries.map((e) => [e.key, e] as const))))
  const look = () => captionLook(props.settings)
  return (
    <div
      class={`caption-overlay at-${props.settings.position}`}
      classList={{ 'visually-hidden': !props.settings.visible }}
      style={{
        '--caption-fg': cssColor(look().text),
        '--caption-name': cssColor(look().name),
        '--caption-bg': cssColor(look().background, look().backgroundOpacity),
        '--caption-size': `${look().fontSizeRem}rem`,
      }}
      role="log"
      aria-live="polite"
      aria-label="Live captions"
    >
      <For each={turns().map((t) => t.key)}>
        {(key) => (
          <Show when={turnByKey().get(key)}>
            {(turn) => (
              <p class="caption-turn" data-from={turn().from}>
                <span class="caption-name">{turn().from === SELF ? 'You' : turn().name}:</span>{' '}
                <For each={turn().entries.map((e) => e.key)}>
                  {(entryKey) => (
                    <Show when={entryByKey().get(entryKey)}>
                      {(e) => (
                        <span
                          class="caption-text"
                          classList={{ interim: !e().event.final }}
                          aria-hidden={e().event.final ? undefined : 'true'}
                          data-caption-id={e().event.id}
                          data-final={e().event.final ? '' : undefined}
                        >
                          {shownText(e())}{' '}
                        </span>
                      )}
                    </Show>
                  )}
                </For>
              </p>
            )}
          </Show>
        )}
      </For>
    </div>
  )
}
