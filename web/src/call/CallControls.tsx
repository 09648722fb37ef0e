/** @module The bar under the call: mic, camera, chat, the captions' toggles, leave. */
import { Show, type JSX } from 'solid-js'
import { Icon } from '../ui/Icon'
import type { LocalMediaSignals } from './createLocalMedia'
import type { CallError } from './errors'
import { MediaToggle } from './MediaToggle'

export function CallControls(props: {
  local: LocalMediaSignals
  chatOpen: boolean
  unread: number
  onToggleChat: () => void
  onLeave: () => void
  onError: (e: CallError) => void
  /** More toggles from other features (captions, issue #5), placed before Leave. */
  children?: JSX.Element
}) {
  const media = () => props.local.media
  const report = (e: CallError | null) => e && props.onError(e)
  return (
    <nav class="call-controls" aria-label="Call controls">
      <MediaToggle kind="mic" on={props.local.micOn()} onToggle={async () => report(await media().setMic(!props.local.micOn()))} />
      <MediaToggle kind="camera" on={props.local.cameraOn()} onToggle={async () => report(await media().setCamera(!props.local.cameraOn()))} />
      <button type="button" class="button toggle" aria-pressed={props.chatOpen} aria-label={props.unread ? `Chat, ${props.unread} unread` : 'Chat'} onClick={() => props.onToggleChat()}>
        <Icon name="chat" />
        <span aria-hidden="true">Chat</span>
        <Show when={props.unread > 0}>
          <span class="badge" aria-hidden="true">
            {props.unread}
          </span>
        </Show>
      </button>
      {props.children}
      <button type="button" class="button danger" onClick={() => props.onLeave()}>
        <Icon name="leave" />
        <span>Leave</span>
      </button>
    </nav>
  )
}
