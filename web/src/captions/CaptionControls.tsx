/**
 * @module The call bar's caption buttons: sign captions (recognise my signs), captions on screen
 * (also the "c" key) and the captions panel. Toggle buttons whose visible name is their accessible
 * name (WCAG 2.5.3), with the pressed state read out.
 */
import { Icon } from '../ui/Icon'

export function CaptionControls(props: {
  signing: boolean
  onToggleSigning: () => void
  visible: boolean
  onToggleVisible: () => void
  panelOpen: boolean
  onTogglePanel: () => void
}) {
  return (
    <>
      <button
        type="button"
        class="button toggle"
        aria-pressed={props.signing}
        title={props.signing ? 'Stop captioning my signs' : 'Caption my signs for everyone (recognised on this device)'}
        onClick={() => props.onToggleSigning()}
      >
        <Icon name="hand" />
        <span>Sign captions</span>
      </button>
      <button type="button" class="button toggle" aria-pressed={props.visible} title={props.visible ? 'Hide captions (C)' : 'Show captions (C)'} onClick={() => props.onToggleVisible()} aria-keyshortcuts="c">
        <Icon name="cc" />
        <span>Captions</span>
      </button>
      <button type="button" class="button toggle" aria-pressed={props.panelOpen} title="Caption history, export and settings" onClick={() => props.onTogglePanel()}>
        <Icon name="transcript" />
        <span>Transcript</span>
      </button>
    </>
  )
}
