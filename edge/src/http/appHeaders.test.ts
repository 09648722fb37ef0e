import { describe, expect, it } from 'vitest'
import headersFile from '../../../web/public/_headers?raw'

/** The `/*` rule of the `_headers` file the PWA ships with (Workers static assets applies it). */
function appHeaders(): Map<string, string> {
  const lines = headersFile.split('\n').filter((l) => l.trim() && !l.startsWith('#'))
  expect(lines[0]).toBe('/*')
  return new Map(lines.slice(1).map((l) => [l.slice(0, l.indexOf(':')).trim().toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]))
}

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]))
}

describe('security headers of the app', () => {
  const headers = appHeaders()
  const csp = directives(headers.get('content-security-policy') ?? '')

  it('runs no inline script and no eval: scripts come from this origin only', () => {
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"])
    expect(csp.get('default-src')).toEqual(["'self'"])
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'self'"])
    expect(csp.get('frame-ancestors')).toEqual(["'none'"])
  })

  it('lets only this origin use the camera and microphone', () => {
    const policy = headers.get('permissions-policy')!
    expect(policy).toContain('camera=(self)')
    expect(policy).toContain('microphone=(self)')
  })

  it('sends HSTS, nosniff and a referrer policy that keeps call links private', () => {
    expect(headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}/)
    expect(headers.get('x-content-type-options')).toBe('nosniff')
    expect(headers.get('referrer-policy')).toBe('no-referrer')
  })
})
