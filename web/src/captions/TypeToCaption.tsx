/**
 * @module "Type to caption": a hearing participant types and the words join the caption stream
 * (kind `typed`) beside the signing, so a deaf participant reads one stream. Words go out as they
 * are typed (at most every `SEND_EVERY_MS`) and Enter settles the line. Unlike chat, nothing is
 * kept by the server: the line is part of the conversation, like speech, and goes where captions go.
 */
import { createUniqueId, onCleanup } from 'solid-js'
import { MAX_CAPTION_CHARS } from '../../../shared/protocol/captions'

/** Live enough to read along; few enough messages to stay far under the room's rate limit on the fallback path. */
const SEND_EVERY_MS = 250

export function TypeToCaption(props: { onType: (text: string) => void; onSubmit: (text: string) => void }) {
  const id = createUniqueId()
  let input!: HTMLInputElement
  let timer: ReturnType<typeof setTimeout> | undefined
  onCleanup(() => clearTimeout(timer))

  const typed = () => {
    timer ??= setTimeout(() => {
      timer = undefined
      props.onType(input.value)
    }, SEND_EVERY_MS)
  }
  const submit = (e: Event) => {
    e.preventDefault()
    clearTimeout(timer)
    timer = undefined
    props.onSubmit(input.value)
    input.value = ''
  }

  return (
    <form class="type-caption" onSubmit={submit}>
      <label for={id} class="visually-hidden">
        Type to caption
      </label>
      <input id={id} ref={input} type="text" autocomplete="off" maxlength={MAX_CAPTION_CHARS} placeholder="Type to caption…" onInput={typed} />
      <button type="submit" class="button small">
        Caption
      </button>
    </form>
  )
}
