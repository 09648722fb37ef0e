/**
 * @module The account engine: who is signed in, and every call to the account API. The access
 * token lives only in memory; the refresh token only in an HttpOnly cookie the page cannot read.
 * A refresh rotates that cookie, and the server treats a second use of an old one as theft, so
 * tabs take turns through a Web Lock: a tab that waited sends the cookie the other tab just got.
 * Not reactive; `session.tsx` ties it to the app.
 */
import {
  sessionResponseSchema,
  type LoginRequest,
  type Me,
  type RegisterRequest,
  type SessionResponse,
} from '../../../shared/protocol/api/auth'
import { HTTP_ERROR_CODES, type HttpErrorCode } from '../../../shared/protocol/errors'
import { err, ok, type Result } from '../../../shared/result'
import type { Schema } from '../../../shared/schema'
import { AccountError } from './errors'

export type SessionState = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; me: Me }

export type RequestOptions<T> = {
  method?: string
  json?: unknown
  /** A raw body (the avatar upload). */
  body?: BodyInit
  /** Checks the reply; without it the reply is not read (204s). */
  schema?: Schema<T>
  /** Survives the page closing (leaving a call as the tab shuts). */
  keepalive?: boolean
}

export type AccountClient = {
  state(): SessionState
  subscribe(listener: (state: SessionState) => void): () => void
  /** At start-up: trades the refresh cookie, if any, for a session. */
  restore(): Promise<void>
  register(body: RegisterRequest): Promise<Result<Me, AccountError>>
  signIn(body: LoginRequest): Promise<Result<Me, AccountError>>
  signOut(): Promise<void>
  /** A signed-in call; on an expired access token it refreshes once and retries. */
  request<T = undefined>(path: string, opts?: RequestOptions<T>): Promise<Result<T, AccountError>>
  /** A call that needs no sign-in (verification and reset links). */
  publicRequest<T = undefined>(path: string, opts?: RequestOptions<T>): Promise<Result<T, AccountError>>
  /** The profile changed (here, or pushed from another device). */
  updateMe(update: (me: Me) => Me): void
  dispose(): void
}

/** Refresh this long before the access token expires, so a request never carries a stale one. */
const REFRESH_EARLY_MS = 60_000
const REFRESH_LOCK = 'silenttalk.refresh'
const CHANNEL = 'silenttalk.session'
/**
 * Whether this browser was signed in when last seen. Not a secret (the cookie is the credential):
 * it only spares guests, who join calls by link, a refresh request that can only fail.
 */
const SIGNED_IN_HINT = 'silenttalk.signedIn'

function hint(signedIn: boolean | null): boolean {
  try {
    if (signedIn === true) localStorage.setItem(SIGNED_IN_HINT, '1')
    if (signedIn === false) localStorage.removeItem(SIGNED_IN_HINT)
    return localStorage.getItem(SIGNED_IN_HINT) === '1'
  } catch {
    // Storage is off: ask the server every time.
    return true
  }
}

async function readError(res: Response): Promise<AccountError> {
  const retryAfter = Number(res.headers.get('Retry-After'))
  try {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } }
    const code = body.error?.code
    if (typeof code === 'string' && (HTTP_ERROR_CODES as readonly string[]).includes(code)) {
      return AccountError.refused(code as HttpErrorCode, String(body.error?.message ?? code), retryAfter > 0 ? retryAfter : undefined)
    }
  } catch {
    // Not our JSON: a proxy's error page, say.
  }
  return AccountError.badReply(`HTTP ${res.status}`)
}

async function send<T>(path: string, opts: RequestOptions<T>, token: string | null): Promise<Result<T, AccountError>> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`
  if (opts.json !== undefined) headers['content-type'] = 'application/json'
  let res: Response
  try {
    res = await fetch(path, {
      method: opts.method ?? (opts.json !== undefined || opts.body !== undefined ? 'POST' : 'GET'),
      headers,
      body: opts.json !== undefined ? JSON.stringify(opts.json) : opts.body,
      credentials: 'same-origin',
      keepalive: opts.keepalive,
    })
  } catch (e) {
    return err(AccountError.offline(e))
  }
  if (!res.ok) return err(await readError(res))
  if (!opts.schema) return ok(undefined as T)
  let body: unknown
  try {
    body = await res.json()
  } catch {
    return err(AccountError.badReply(`${path} did not answer JSON`))
  }
  const parsed = opts.schema.parse(body)
  return parsed.ok ? ok(parsed.value) : err(AccountError.badReply(path, parsed.error))
}

export function makeAccountClient(): AccountClient {
  let state: SessionState = { status: 'loading' }
  let access: { token: string; expiresAtMs: number } | null = null
  let refreshTimer: ReturnType<typeof setTimeout> | undefined
  let refreshing: Promise<boolean> | null = null
  const listeners = new Set<(s: SessionState) => void>()
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null

  const setState = (next: SessionState) => {
    state = next
    for (const l of listeners) l(state)
  }

  function signedOutHere() {
    hint(false)
    access = null
    clearTimeout(refreshTimer)
    setState({ status: 'signed-out' })
  }

  function adopt(session: SessionResponse) {
    hint(true)
    access = { token: session.accessToken, expiresAtMs: session.accessExpiresAtMs }
    clearTimeout(refreshTimer)
    refreshTimer = setTimeout(() => void refresh(), Math.max(0, session.accessExpiresAtMs - Date.now() - REFRESH_EARLY_MS))
    setState({ status: 'signed-in', me: session.me })
  }

  async function refreshNow(): Promise<boolean> {
    const r = await send('/api/auth/refresh', { method: 'POST', schema: sessionResponseSchema }, null)
    if (r.ok) {
      adopt(r.value)
      return true
    }
    // Offline is not signed out: keep what we have and try again on the next request.
    if (r.error.reason !== 'offline') signedOutHere()
    return false
  }

  /** One refresh at a time in this tab, and across tabs through the Web Lock where there is one. */
  function refresh(): Promise<boolean> {
    if (!refreshing) {
      const run = navigator.locks ? navigator.locks.request(REFRESH_LOCK, refreshNow).then((held) => held) : refreshNow()
      refreshing = run.finally(() => {
        refreshing = null
      })
    }
    return refreshing
  }

  channel?.addEventListener('message', (e: MessageEvent) => {
    if (e.data === 'signed-out') signedOutHere()
    if (e.data === 'signed-in' && state.status !== 'signed-in') void refresh()
  })

  async function request<T>(path: string, opts: RequestOptions<T> = {}): Promise<Result<T, AccountError>> {
    if (!access && !(await refresh())) return err(AccountError.signedOut())
    if (access && access.expiresAtMs - Date.now() < REFRESH_EARLY_MS / 2) await refresh()
    if (!access) return err(AccountError.signedOut())
    const first = await send(path, opts, access.token)
    if (first.ok || first.error.code !== 'token-expired') {
      if (!first.ok && (first.error.code === 'session-revoked' || first.error.code === 'unauthorized')) signedOutHere()
      return first
    }
    if (!(await refresh()) || !access) return err(AccountError.signedOut())
    return send(path, opts, access.token)
  }

  async function start(path: string, body: unknown): Promise<Result<Me, AccountError>> {
    const r = await send(path, { json: body, schema: sessionResponseSchema }, null)
    if (!r.ok) return r
    adopt(r.value)
    channel?.postMessage('signed-in')
    return ok(r.value.me)
  }

  return {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async restore() {
      if (hint(null)) await refresh()
      if (state.status === 'loading') setState({ status: 'signed-out' })
    },
    register: (body) => start('/api/auth/register', body),
    signIn: (body) => start('/api/auth/login', body),
    async signOut() {
      await send('/api/auth/logout', { method: 'POST' }, access?.token ?? null)
      signedOutHere()
      channel?.postMessage('signed-out')
    },
    request,
    publicRequest: (path, opts = {}) => send(path, opts, null),
    updateMe(update) {
      if (state.status === 'signed-in') setState({ status: 'signed-in', me: update(state.me) })
    },
    dispose() {
      clearTimeout(refreshTimer)
      channel?.close()
      listeners.clear()
    },
  }
}
