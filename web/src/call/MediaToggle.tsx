/**
 * @module The mic and camera switches: toggle buttons whose pressed state screen readers read out.
 * The visible name stays the same (WCAG 2.5.3: what you see is what you say to voice control);
 * the icon and the style show on or off.
 */
import { Icon } from '../ui/Icon'

const TEXT = {
  mic: { name: 'Mic', on: 'Turn the microphone off', off: 'Turn the microphone on' },
  camera: { name: 'Camera', on: 'Turn the camera off', off: 'Turn the camera on' },
} as const

export function MediaToggle(props: { kind: 'mic' | 'camera'; on: boolean; onToggle: () => void }) {
  const text = () => TEXT[props.kind]
  return (
    <button
      type="button"
      class="button toggle"
      classList={{ off: !props.on }}
      aria-pressed={props.on}
      title={props.on ? text().on : text().off}
      onClick={() => props.onToggle()}
    >
      <Icon name={props.on ? props.kind : `${props.kind}-off`} />
      <span>{text().name}</span>
    </button>
  )
}
