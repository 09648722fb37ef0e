/** @module The header's links, in order. One line per page that belongs in the header. */
export const NAV_LINKS: readonly { href: string; label: string }[] = [
  { href: '/', label: 'Start a call' },
  { href: '/practice', label: 'Practice' },
  { href: '/captions', label: 'Saved captions' },
]
