/** @module Where to go after signing in: only a path on this site, never another origin (open redirect). */

export function safeNext(raw: string | null | undefined, fallback = '/contacts'): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback
  return raw
}
