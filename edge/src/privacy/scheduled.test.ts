import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { register } from '../../test/api'
import worker from '../index'
import { AUDIT_RETENTION_MS } from './audit'

const DAY_MS = 24 * 60 * 60 * 1000

describe('the daily Cron Trigger', () => {
  it('prunes audit entries older than 90 days and tokens that can no longer be used, and keeps the rest', async () => {
    const a = await register()
    const nowMs = Date.now()
    const insert = env.DB.prepare('INSERT INTO audit_log (user_id, action, at_ms) VALUES (?, ?, ?)')
    await env.DB.batch([
      insert.bind(a.id, 'login', nowMs - AUDIT_RETENTION_MS - DAY_MS),
      insert.bind(a.id, 'login', nowMs - AUDIT_RETENTION_MS + DAY_MS),
      env.DB.prepare('UPDATE one_time_tokens SET expires_at_ms = ? WHERE user_id = ?').bind(nowMs - 1, a.id),
      env.DB.prepare('INSERT INTO sessions (id, user_id, created_at_ms, last_refreshed_at_ms) VALUES (?, ?, ?, ?)').bind('stale-session', a.id, 0, nowMs - 8 * DAY_MS),
    ])

    const ctx = createExecutionContext()
    await worker.scheduled(createScheduledController({ scheduledTime: nowMs, cron: '17 3 * * *' }), env, ctx)
    await waitOnExecutionContext(ctx)

    const ages = await env.DB.prepare('SELECT at_ms FROM audit_log WHERE user_id = ? ORDER BY at_ms').bind(a.id).all<{ at_ms: number }>()
    expect(ages.results.every((r) => r.at_ms >= nowMs - AUDIT_RETENTION_MS)).toBe(true)
    expect(ages.results).toHaveLength(2) // the recent seeded entry and the registration
    expect(await env.DB.prepare('SELECT count(*) AS n FROM one_time_tokens WHERE user_id = ?').bind(a.id).first('n')).toBe(0)
    expect(await env.DB.prepare("SELECT count(*) AS n FROM sessions WHERE id = 'stale-session'").first('n')).toBe(0)
    expect(await env.DB.prepare('SELECT count(*) AS n FROM sessions WHERE user_id = ?').bind(a.id).first('n')).toBe(1)
    expect((await a.client.call('/api/auth/me', { token: a.token })).status).toBe(200)
  })
})
