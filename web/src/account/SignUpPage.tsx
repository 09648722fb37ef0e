/** @module `/signup`: name, email, password (rules shown live) and sign language. */
import { A, useNavigate, useSearchParams } from '@solidjs/router'
import { createSignal, createUniqueId, Show } from 'solid-js'
import { passwordProblems } from '../../../shared/protocol/api/auth'
import { MAX_DISPLAY_NAME_CHARS, type SignLanguage } from '../../../shared/protocol/api/profile'
import { pageTitle } from '../ui/pageTitle'
import type { AccountError } from './errors'
import { FormError } from './FormError'
import { PasswordRules } from './PasswordRules'
import { safeNext } from './safeNext'
import { useSession } from './session'
import { SignLanguageSelect } from './SignLanguageSelect'
import './account.css'

export default function SignUpPage() {
  pageTitle('Create an account')
  const session = useSession()
  const navigate = useNavigate()
  const [params] = useSearchParams<{ next?: string }>()
  const id = createUniqueId()
  const [password, setPassword] = createSignal('')
  const [showRules, setShowRules] = createSignal(false)
  const [error, setError] = createSignal<AccountError | null>(null)
  const [busy, setBusy] = createSignal(false)
  let passwordInput!: HTMLInputElement

  async function submit(e: SubmitEvent) {
    e.preventDefault()
    if (passwordProblems(password()).length > 0) {
      setShowRules(true)
      passwordInput.focus()
      return
    }
    const form = new FormData(e.currentTarget as HTMLFormElement)
    setBusy(true)
    const r = await session.client.register({
      displayName: String(form.get('displayName')).trim(),
      email: String(form.get('email')).trim(),
      password: password(),
      signLanguage: String(form.get('signLanguage')) as SignLanguage,
    })
    setBusy(false)
    if (!r.ok) return setError(r.error)
    navigate(safeNext(params.next), { replace: true })
  }

  return (
    <section class="page narrow" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Create an account</h1>
      <p class="lede">Keep contacts you can call directly, a history of your calls, and caption settings on every device.</p>
      <form class="account-form" onSubmit={submit}>
        <label for={`${id}-name`}>Your name</label>
        <input id={`${id}-name`} name="displayName" autocomplete="name" maxlength={MAX_DISPLAY_NAME_CHARS} required aria-describedby={`${id}-name-hint`} />
        <p id={`${id}-name-hint`} class="hint">
          Shown to your contacts and in calls.
        </p>
        <label for={`${id}-email`}>Email</label>
        <input id={`${id}-email`} name="email" type="email" autocomplete="email" required aria-describedby={`${id}-email-hint`} />
        <p id={`${id}-email-hint`} class="hint">
          We send a link to confirm it. Others can find you by your exact email, never see it.
        </p>
        <label for={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          ref={passwordInput}
          type="password"
          autocomplete="new-password"
          required
          value={password()}
          onInput={(e) => setPassword(e.currentTarget.value)}
          onFocus={() => setShowRules(true)}
          aria-describedby={`${id}-rules`}
          aria-invalid={showRules() && passwordProblems(password()).length > 0}
        />
        <Show when={showRules()}>
          <PasswordRules id={`${id}-rules`} password={password()} />
        </Show>
        <label for={`${id}-language`}>Sign language you use most</label>
        <SignLanguageSelect id={`${id}-language`} name="signLanguage" value="ase" />
        <FormError error={error()} />
        <div class="actions">
          <button type="submit" class="button primary large" disabled={busy()}>
            {busy() ? 'Creating your account…' : 'Create account'}
          </button>
        </div>
      </form>
      <p>
        Have an account already? <A href={`/signin${params.next ? `?next=${encodeURIComponent(params.next)}` : ''}`}>Sign in</A>.
      </p>
    </section>
  )
}
