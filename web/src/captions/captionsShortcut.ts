/**
 * @module The "c" key toggles captions, as in video players, except where "c" is text being typed
 * (the chat, the name field, the type-to-caption box). Pure: takes what a KeyboardEvent says.
 */

export type KeyPress = {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  /** The focused element: its tag, input type and whether it is editable. */
  target: { tagName: string; type?: string; isContentEditable?: boolean } | null
}

/** Inputs that take no typed text, where "c" can only be meant as the shortcut. */
const NOT_TEXT = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image'])

export function isTyping(target: KeyPress['target']): boolean {
  if (!target) return false
  if (target.isContentEditable) return true
  const tag = target.tagName.toUpperCase()
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  return tag === 'INPUT' && !NOT_TEXT.has((target.type ?? 'text').toLowerCase())
}

export function isCaptionsShortcut(e: KeyPress): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false
  return (e.key === 'c' || e.key === 'C') && !isTyping(e.target)
}
