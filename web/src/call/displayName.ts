/** @module The name shown to others, remembered on this device so the next call starts with it. */
import { MAX_NAME_CHARS } from '../../../shared/protocol/signalling'

const KEY = 'silenttalk.displayName'

export function loadDisplayName(): string {
  try {
    return localStorage.getItem(KEY) ?? ''
  } catch {
    // Storage is off (some private modes): the user types a name each time.
    return ''
  }
}

export function saveDisplayName(name: string): void {
  try {
    localStorage.setItem(KEY, name)
  } catch {
    // As above: not remembering is the only loss.
  }
}

/** The name as the room will accept it: trimmed, inner runs of space collapsed, at most MAX_NAME_CHARS. */
export function cleanDisplayName(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ').slice(0, MAX_NAME_CHARS)
}
