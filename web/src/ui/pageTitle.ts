/** @module The document title, which screen readers announce and tabs show. */
export function pageTitle(title: string | null): void {
  document.title = title ? `${title} · SilentTalk` : 'SilentTalk'
}
