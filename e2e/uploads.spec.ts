/**
 * Hostile uploads against the real local server (wrangler dev, as `npm start` runs it): a chunked
 * body too large to accept, or sent to a route that takes none, must not stall the next request,
 * which local workerd did while such a body was left unread.
 */
import { describe, expect, inject, it } from 'vitest'

const baseUrl = inject('baseUrl')

/** 200 KB in 10 KB chunks, with no Content-Length. */
const chunked = () => {
  const chunk = new TextEncoder().encode('x'.repeat(10_000))
  let sent = 0
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ < 20) controller.enqueue(chunk)
      else controller.close()
    },
  })
}

const post = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}${path}`, { method: 'POST', headers, body: chunked(), duplex: 'half' } as RequestInit & { duplex: 'half' })

describe('a chunked upload the server does not take whole', () => {
  it('is refused with 413 where it is read, and the next request is answered at once', async () => {
    const res = await post('/api/auth/login', { 'Content-Type': 'application/json' })
    expect(res.status).toBe(413)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload-too-large')
    const health = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(5_000) })
    expect(health.status).toBe(200)
  })

  it('is drained by a route that takes no body, and the next request is answered at once', async () => {
    expect((await post('/api/rooms')).status).toBe(201)
    const health = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(5_000) })
    expect(health.status).toBe(200)
  })
})
