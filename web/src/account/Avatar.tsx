/** @module A person's picture, or their initials on a colour of their own when they have none. */
import { Show } from 'solid-js'
import type { UserCard } from '../../../shared/protocol/api/profile'
import { initials } from './initials'

export function Avatar(props: { user: Pick<UserCard, 'id' | 'displayName' | 'avatarUrl'>; size?: number }) {
  const size = () => props.size ?? 40
  return (
    <Show
      when={props.user.avatarUrl}
      fallback={
        <span class="user-avatar user-avatar-initials" style={{ width: `${size()}px`, height: `${size()}px`, '--hue': String(hueOf(props.user.id)) }} aria-hidden="true">
          {initials(props.user.displayName)}
        </span>
      }
    >
      {(url) => <img class="user-avatar" src={url()} width={size()} height={size()} alt="" />}
    </Show>
  )
}

/** A stable hue per person, so the same initials on two people still look different. */
function hueOf(id: string): number {
  let h = 0
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) % 360
  return h
}
