/**
 * @module One participant's tile: their video (or initials when the camera is off), name, mic
 * state, connection quality and a pin button. Remote audio plays through the same element, so it
 * stays mounted while the camera is off.
 */
import { Show } from 'solid-js'
import type { MediaState } from '../../../shared/protocol/signalling'
import { Icon } from '../ui/Icon'
import { StreamVideo } from '../ui/StreamVideo'
import type { Quality } from './gradeQuality'
import type { LinkStatus } from './linkStatus'
import { QualityBadge } from './QualityBadge'

/** The viewer's own tile, told apart from room peer ids (which are 22 characters). */
export const SELF_TILE = 'self'

export type TileProps = {
  id: string
  name: string
  /** A signed-in participant's picture, shown instead of initials while the camera is off. */
  avatarUrl?: string | undefined
  stream: MediaStream | null
  state: MediaState
  /** Absent for the viewer's own tile. */
  link?: LinkStatus
  quality?: Quality | undefined
  size: 'large' | 'small'
  pinned: boolean
  onPin: () => void
  /** They are signing now (issue #5): the tile is highlighted so viewers know where to look. */
  signing?: boolean
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => [...w][0]!.toUpperCase())
    .join('')

export function Tile(props: TileProps) {
  const self = () => props.id === SELF_TILE
  const connecting = () => props.link === 'connecting'
  const interrupted = () => props.link === 'interrupted'
  return (
    <div class="tile" classList={{ [props.size]: true, pinned: props.pinned, signing: props.signing ?? false }} role="group" aria-label={props.name} data-peer-id={props.id}>
      <div class="tile-media">
        <StreamVideo stream={props.stream} mirrored={self()} muted={self()} label={`Video of ${props.name}`} hidden={!props.state.video} />
        <Show when={!props.state.video}>
          <div class="avatar" aria-hidden="true">
            <Show when={props.avatarUrl} fallback={<span>{initials(props.name)}</span>}>
              {(url) => <img class="avatar-picture" src={url()} alt="" />}
            </Show>
          </div>
        </Show>
        <Show when={connecting() || interrupted()}>
          <p class="tile-overlay">{interrupted() ? 'Connection interrupted. Reconnecting…' : 'Connecting…'}</p>
        </Show>
      </div>
      <div class="tile-bar">
        <span class="tile-name">{props.name}</span>
        <Show when={props.signing}>
          <span class="signing-badge">Signing</span>
        </Show>
        <Show when={!props.state.audio}>
          <span class="tile-muted" role="img" aria-label="microphone off">
            <Icon name="mic-off" />
          </span>
        </Show>
        <Show when={!props.state.video}>
          <span class="visually-hidden">camera off</span>
        </Show>
        <Show when={!self() && props.quality}>{(q) => <QualityBadge quality={q()} />}</Show>
        <button
          type="button"
          class="icon-button pin"
          aria-pressed={props.pinned}
          aria-label={props.pinned ? `Unpin ${props.name}` : `Pin ${props.name}`}
          title={props.pinned ? 'Unpin' : 'Pin: keep large'}
          onClick={() => props.onPin()}
        >
          <Icon name="pin" />
        </button>
      </div>
    </div>
  )
}
