/**
 * @module The audit log: who did what to an account, from where. Each entry is a query rather
 * than a write, so it joins the same `db.batch` as the change it records.
 */
import type { Db } from '../db'
import { auditLog } from './tables'

export type AuditAction =
  | 'register'
  | 'login'
  | 'login-failed'
  | 'account-locked'
  | 'logout'
  | 'session-revoked'
  | 'refresh-reuse'
  | 'email-verification-sent'
  | 'email-verified'
  | 'password-reset-requested'
  | 'password-reset'
  | 'privacy-export'
  | 'account-deleted'

export const AUDIT_RETENTION_MS = 90 * 24 * 60 * 60 * 1000
const MAX_USER_AGENT_CHARS = 512

export type RequestMeta = { ip: string | null; userAgent: string | null }

/** Cloudflare sets CF-Connecting-IP on every request that reaches a Worker, locally too. */
export const requestMeta = (req: Request): RequestMeta => ({
  ip: req.headers.get('CF-Connecting-IP'),
  userAgent: req.headers.get('User-Agent')?.slice(0, MAX_USER_AGENT_CHARS) ?? null,
})

export const auditEntry = (db: Db, userId: string | null, action: AuditAction, meta: RequestMeta, atMs = Date.now()) =>
  db.insert(auditLog).values({ userId, action, ip: meta.ip, userAgent: meta.userAgent, atMs })
