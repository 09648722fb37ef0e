import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import worker from '../index'

const ALLOWED = 'https://partner.example'

const request = (path: string, init: RequestInit) => new Request(`http://localhost${path}`, init)

describe('CORS', () => {
  it('answers a preflight from an allowed origin with that origin and the methods and headers it may use', async () => {
    const res = await worker.fetch(
      request('/api/auth/login', { method: 'OPTIONS', headers: { Origin: ALLOWED, 'Access-Control-Request-Method': 'POST' } }),
      { ...env, CORS_ORIGINS: `${ALLOWED}, https://other.example` },
    )
    expect(res.status).toBe(204)
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(ALLOWED)
    expect(res.headers.get('Access-Control-Allow-Headers')).toBe('Content-Type,Authorization')
    expect(res.headers.get('Access-Control-Allow-Methods')).toContain('POST')
    expect(res.headers.get('Vary')).toContain('Origin')
  })

  it('gives an origin not on the list no Access-Control-Allow-Origin, so browsers refuse it', async () => {
    const res = await worker.fetch(request('/api/contacts', { headers: { Origin: 'https://evil.example' } }), { ...env, CORS_ORIGINS: ALLOWED })
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull()
  })

  it('allows no other origin by default', async () => {
    const res = await exports.default.fetch('http://localhost/api/contacts', { headers: { Origin: ALLOWED } })
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull()
  })
})

describe('security headers of the API', () => {
  it('sends HSTS, nosniff, no-referrer and a Permissions-Policy with camera and microphone for this origin only', async () => {
    const res = await exports.default.fetch('http://localhost/api/profile')
    expect(res.headers.get('Strict-Transport-Security')).toMatch(/^max-age=\d{8,}/)
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer')
    expect(res.headers.get('Permissions-Policy')).toContain('camera=(self)')
    expect(res.headers.get('Permissions-Policy')).toContain('microphone=(self)')
  })
})
