/** @module `/account/verify?token=`: the link from the confirmation mail. */
import { A, useSearchParams } from '@solidjs/router'
import { createResource, Match, Switch } from 'solid-js'
import { pageTitle } from '../ui/pageTitle'
import { FormError } from './FormError'
import { useSession } from './session'

export default function VerifyEmailPage() {
  pageTitle('Confirm your email')
  const session = useSession()
  const [params] = useSearchParams<{ token?: string }>()
  const [result] = createResource(
    () => params.token ?? '',
    (token) => session.client.publicRequest('/api/auth/verify-email', { json: { token } }),
  )
  const failure = () => {
    const r = result()
    return r && !r.ok ? r.error : null
  }
  return (
    <section class="page narrow" aria-live="polite">
      <h1>Confirm your email</h1>
      <Switch>
        <Match when={result.loading}>
          <p>Confirming…</p>
        </Match>
        <Match when={result()?.ok}>
          <p role="status">
            Your email is confirmed. <A href="/contacts">Go to your contacts</A>.
          </p>
        </Match>
        <Match when={failure()}>{(e) => <FormError error={e()} />}</Match>
      </Switch>
    </section>
  )
}
