/** @module Shows its children only to a signed-in user; others get a way to sign in that brings them back here. */
import { A, useLocation } from '@solidjs/router'
import { Match, Switch, type Accessor, type JSX } from 'solid-js'
import type { Me } from '../../../shared/protocol/api/auth'
import { useSession } from './session'

/**
 * `children` gets the signed-in user as an accessor and is built once per sign-in: a changed
 * profile updates the page in place rather than rebuilding it (and losing what it shows, such as
 * "Saved").
 */
export function RequireSignIn(props: { what: string; children: (me: Accessor<Me>) => JSX.Element }) {
  const session = useSession()
  const location = useLocation()
  const next = () => encodeURIComponent(location.pathname + location.search)
  return (
    <Switch>
      <Match when={session.state().status === 'loading'}>
        <p class="page-loading">Loading…</p>
      </Match>
      <Match when={session.me()}>{(me) => props.children(me)}</Match>
      <Match when={session.state().status === 'signed-out'}>
        <section class="page narrow">
          <h1>Sign in to see {props.what}</h1>
          <p>
            <A href={`/signin?next=${next()}`}>Sign in</A> or <A href={`/signup?next=${next()}`}>create an account</A>. Calls by link need no account.
          </p>
        </section>
      </Match>
    </Switch>
  )
}
