import { describe, expect, it } from 'vitest'
import { isCaptionsShortcut, type KeyPress } from './captionsShortcut'

const press = (key: string, target: KeyPress['target'] = { tagName: 'BODY' }, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, target, ...mods })

describe('the captions shortcut', () => {
  it('is "c" (either case) pressed anywhere on the page or on a button', () => {
    expect(isCaptionsShortcut(press('c'))).toBe(true)
    expect(isCaptionsShortcut(press('C'))).toBe(true)
    expect(isCaptionsShortcut(press('c', { tagName: 'BUTTON' }))).toBe(true)
    expect(isCaptionsShortcut(press('c', { tagName: 'INPUT', type: 'checkbox' }))).toBe(true)
  })

  it('is not "c" typed into a text field, a text area, a select or editable content', () => {
    for (const target of [{ tagName: 'INPUT' }, { tagName: 'INPUT', type: 'search' }, { tagName: 'TEXTAREA' }, { tagName: 'SELECT' }, { tagName: 'DIV', isContentEditable: true }]) {
      expect(isCaptionsShortcut(press('c', target))).toBe(false)
    }
  })

  it('is not Ctrl+C, Cmd+C or Alt+C, nor any other key', () => {
    expect(isCaptionsShortcut(press('c', undefined, { ctrlKey: true }))).toBe(false)
    expect(isCaptionsShortcut(press('c', undefined, { metaKey: true }))).toBe(false)
    expect(isCaptionsShortcut(press('c', undefined, { altKey: true }))).toBe(false)
    expect(isCaptionsShortcut(press('x'))).toBe(false)
  })
})
