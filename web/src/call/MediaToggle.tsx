/** @module The mic and camera switches: one button each, its pressed state read out by screen readers. */
import { Icon } from '../ui/Icon'

const TEXT = {
  mic: { name: 'Microphone', on: 'Mic on', off: 'Mic off' },
  camera: { name: 'Camera', on: 'Camera on', off: 'Camera off' },
} as const

export function MediaToggle(props: { kind: 'mic' | 'camera'; on: boolean; onToggle: () => void }) {
  const text = () => TEXT[props.kind]
  return (
    <button
      type="button"
      class="button toggle"
      classList={{ off: !props.on }}
      aria-pressed={props.on}
      aria-label={text().name}
      onClick={() => props.onToggle()}
    >
      <Icon name={props.on ? props.kind : `${props.kind}-off`} />
      <span aria-hidden="true">{props.on ? text().on : text().off}</span>
    </button>
  )
}
