/** @module The letters shown for a person without a picture: first and last word, any script. */

export function initials(displayName: string): string {
  const words = displayName.trim().split(/\s+/).filter(Boolean)
  const first = [...(words[0] ?? '?')][0] ?? '?'
  const last = words.length > 1 ? ([...words[words.length - 1]!][0] ?? '') : ''
  return (first + last).toLocaleUpperCase()
}
