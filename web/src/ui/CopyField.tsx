/**
 * @module A read-only text field with a Copy button and a visible, announced confirmation. When
 * the browser will not copy, the text is selected and the user is told how to copy it.
 */
import { createSignal, createUniqueId, onCleanup } from 'solid-js'
import { copyText } from './copyText'

/** How long "Copied" stays before the button reads "Copy" again. */
const CONFIRMATION_MS = 4_000

export function CopyField(props: { label: string; value: string }) {
  const id = createUniqueId()
  let input!: HTMLInputElement
  const [status, setStatus] = createSignal<'idle' | 'copied' | 'manual'>('idle')
  let timer: ReturnType<typeof setTimeout> | undefined
  onCleanup(() => clearTimeout(timer))

  async function copy() {
    const copied = await copyText(props.value)
    setStatus(copied ? 'copied' : 'manual')
    if (!copied) input.select()
    clearTimeout(timer)
    timer = setTimeout(() => setStatus('idle'), CONFIRMATION_MS)
  }

  return (
    <div class="copy-field">
      <label for={id}>{props.label}</label>
      <div class="copy-row">
        <input id={id} ref={input} type="text" readonly value={props.value} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" class="button" onClick={copy}>
          {status() === 'copied' ? 'Copied' : 'Copy link'}
        </button>
      </div>
      <p class="copy-status" role="status">
        {status() === 'copied' ? 'Link copied to the clipboard.' : status() === 'manual' ? 'Copying is blocked here: the link is selected, press Ctrl+C (or ⌘C) to copy it.' : ''}
      </p>
    </div>
  )
}
