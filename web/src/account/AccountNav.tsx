/** @module The header's account corner: sign-in links, or my contacts, history and account once signed in. */
import { A } from '@solidjs/router'
import { Match, Switch } from 'solid-js'
import { Avatar } from './Avatar'
import { useSession } from './session'
import './account.css'

export function AccountNav() {
  const session = useSession()
  return (
    <nav class="account-nav" aria-label="Account">
      <Switch>
        <Match when={session.me()}>
          {(me) => (
            <>
              <A href="/contacts" activeClass="active">
                Contacts
              </A>
              <A href="/history" activeClass="active">
                History
              </A>
              <A href="/account" activeClass="active" class="account-link">
                <Avatar user={{ id: me().id, displayName: me().profile.displayName, avatarUrl: me().profile.avatarUrl }} size={32} />
                <span>Account</span>
              </A>
            </>
          )}
        </Match>
        <Match when={session.state().status === 'signed-out'}>
          <A href="/signin">Sign in</A>
          <A href="/signup">Create account</A>
        </Match>
      </Switch>
    </nav>
  )
}
