/**
 * @module In-call text chat for everyone in the call. The list is a live log, so screen readers
 * read new messages as they arrive; it keeps to the bottom unless the reader has scrolled up.
 */
import { createEffect, createUniqueId, For, on } from 'solid-js'
import { MAX_CHAT_CHARS, type ChatMessage } from '../../../shared/protocol/signalling'

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })

export function ChatPanel(props: { messages: readonly ChatMessage[]; selfId: string | null; onSend: (text: string) => void; onClose: () => void }) {
  const inputId = createUniqueId()
  let log!: HTMLDivElement
  let input!: HTMLTextAreaElement
  let pinnedToBottom = true

  createEffect(
    on(
      () => props.messages.length,
      () => {
        if (pinnedToBottom) log.scrollTop = log.scrollHeight
      },
    ),
  )

  function send(e: Event) {
    e.preventDefault()
    const text = input.value.trim()
    if (!text) return
    props.onSend(text.slice(0, MAX_CHAT_CHARS))
    input.value = ''
    pinnedToBottom = true
  }

  return (
    <aside class="chat" aria-labelledby={`${inputId}-title`}>
      <div class="chat-head">
        <h2 id={`${inputId}-title`}>Chat</h2>
        <button type="button" class="button small" onClick={() => props.onClose()}>
          Close chat
        </button>
      </div>
      <div
        class="chat-log"
        ref={log}
        role="log"
        aria-live="polite"
        aria-label="Chat messages"
        tabindex="0"
        onScroll={() => (pinnedToBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 24)}
      >
        <ol class="chat-list">
        <For each={props.messages} fallback={<li class="chat-empty">No messages yet.</li>}>
          {(m) => (
            <li class="chat-message" classList={{ mine: m.from === props.selfId }}>
              <p class="chat-meta">
                <span class="chat-name">{m.from === props.selfId ? 'You' : m.name}</span>{' '}
                <time datetime={new Date(m.at).toISOString()}>{timeFormat.format(m.at)}</time>
              </p>
              <p class="chat-text">{m.text}</p>
            </li>
          )}
        </For>
        </ol>
      </div>
      <form class="chat-form" onSubmit={send}>
        <label for={inputId} class="visually-hidden">
          Message everyone
        </label>
        <textarea
          id={inputId}
          ref={input}
          rows="2"
          maxlength={MAX_CHAT_CHARS}
          placeholder="Message everyone"
          onKeyDown={(e) => {
            // Enter sends, Shift+Enter starts a new line, as in most chat apps.
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) send(e)
          }}
        />
        <button type="submit" class="button primary">
          Send
        </button>
      </form>
    </aside>
  )
}
