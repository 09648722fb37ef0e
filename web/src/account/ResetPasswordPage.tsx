/**
 * @module `/account/reset`: ask for a reset link by email, or (opened from that link, with
 * `?token=`) choose a new password. Every device is signed out when it changes.
 */
import { A, useSearchParams } from '@solidjs/router'
import { createSignal, createUniqueId, Match, Show, Switch } from 'solid-js'
import { passwordProblems } from '../../../shared/protocol/api/auth'
import { pageTitle } from '../ui/pageTitle'
import type { AccountError } from './errors'
import { FormError } from './FormError'
import { PasswordRules } from './PasswordRules'
import { useSession } from './session'
import './account.css'

export default function ResetPasswordPage() {
  pageTitle('Reset your password')
  const [params] = useSearchParams<{ token?: string }>()
  return (
    <section class="page narrow">
      <h1>Reset your password</h1>
      <Show when={params.token} keyed fallback={<AskForLink />}>
        {(token) => <ChooseNewPassword token={token} />}
      </Show>
    </section>
  )
}

function AskForLink() {
  const session = useSession()
  const id = createUniqueId()
  const [sentTo, setSentTo] = createSignal<string | null>(null)
  const [error, setError] = createSignal<AccountError | null>(null)
  async function submit(e: SubmitEvent) {
    e.preventDefault()
    const email = String(new FormData(e.currentTarget as HTMLFormElement).get('email')).trim()
    const r = await session.client.publicRequest('/api/auth/password-reset', { json: { email } })
    if (!r.ok) return setError(r.error)
    setSentTo(email)
  }
  return (
    <Show
      when={sentTo()}
      fallback={
        <form class="account-form" onSubmit={submit}>
          <label for={`${id}-email`}>Your account’s email</label>
          <input id={`${id}-email`} name="email" type="email" autocomplete="email" required />
          <FormError error={error()} />
          <div class="actions">
            <button type="submit" class="button primary large">
              Send me a link
            </button>
          </div>
        </form>
      }
    >
      <p role="status">If {sentTo()} has an account, a link to reset its password is on its way. It works once, for an hour.</p>
    </Show>
  )
}

function ChooseNewPassword(props: { token: string }) {
  const session = useSession()
  const id = createUniqueId()
  const [password, setPassword] = createSignal('')
  const [done, setDone] = createSignal(false)
  const [error, setError] = createSignal<AccountError | null>(null)
  async function submit(e: SubmitEvent) {
    e.preventDefault()
    if (passwordProblems(password()).length > 0) return
    const r = await session.client.publicRequest('/api/auth/password-reset/confirm', { json: { token: props.token, password: password() } })
    if (!r.ok) return setError(r.error)
    setDone(true)
  }
  return (
    <Switch>
      <Match when={done()}>
        <p role="status">
          Your password is changed and every device was signed out. <A href="/signin">Sign in</A> with the new one.
        </p>
      </Match>
      <Match when={!done()}>
        <form class="account-form" onSubmit={submit}>
          <label for={`${id}-password`}>New password</label>
          <input
            id={`${id}-password`}
            type="password"
            autocomplete="new-password"
            required
            value={password()}
            onInput={(e) => setPassword(e.currentTarget.value)}
            aria-describedby={`${id}-rules`}
          />
          <PasswordRules id={`${id}-rules`} password={password()} />
          <FormError error={error()} />
          <div class="actions">
            <button type="submit" class="button primary large" disabled={passwordProblems(password()).length > 0}>
              Set new password
            </button>
          </div>
        </form>
      </Match>
    </Switch>
  )
}
