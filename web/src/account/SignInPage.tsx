/** @module `/signin`: email and password; on success back to where the user was going. */
import { A, useNavigate, useSearchParams } from '@solidjs/router'
import { createSignal, createUniqueId } from 'solid-js'
import { pageTitle } from '../ui/pageTitle'
import type { AccountError } from './errors'
import { FormError } from './FormError'
import { safeNext } from './safeNext'
import { useSession } from './session'
import './account.css'

export default function SignInPage() {
  pageTitle('Sign in')
  const session = useSession()
  const navigate = useNavigate()
  const [params] = useSearchParams<{ next?: string }>()
  const id = createUniqueId()
  const [error, setError] = createSignal<AccountError | null>(null)
  const [busy, setBusy] = createSignal(false)

  async function submit(e: SubmitEvent) {
    e.preventDefault()
    const form = new FormData(e.currentTarget as HTMLFormElement)
    setBusy(true)
    const r = await session.client.signIn({ email: String(form.get('email')), password: String(form.get('password')) })
    setBusy(false)
    if (!r.ok) return setError(r.error)
    navigate(safeNext(params.next), { replace: true })
  }

  return (
    <section class="page narrow" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Sign in</h1>
      <form class="account-form" onSubmit={submit}>
        <label for={`${id}-email`}>Email</label>
        <input id={`${id}-email`} name="email" type="email" autocomplete="email" required />
        <label for={`${id}-password`}>Password</label>
        <input id={`${id}-password`} name="password" type="password" autocomplete="current-password" required />
        <FormError error={error()} />
        <div class="actions">
          <button type="submit" class="button primary large" disabled={busy()}>
            {busy() ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
      </form>
      <p>
        <A href="/account/reset">Forgot your password?</A>
      </p>
      <p>
        New here? <A href={`/signup${params.next ? `?next=${encodeURIComponent(params.next)}` : ''}`}>Create an account</A>. Calls by link need
        none.
      </p>
    </section>
  )
}
