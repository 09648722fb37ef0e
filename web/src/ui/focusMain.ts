/**
 * @module Moves focus to the main landmark (Shell's `#main`), as a page load would: used when a
 * page swaps its whole content without a navigation, so screen readers announce the new content.
 */
export function focusMain(): void {
  document.getElementById('main')?.focus()
}
