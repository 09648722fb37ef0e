/**
 * @module `/account/privacy`: download everything held about me as JSON, or delete the account
 * for good (confirmed with the password).
 */
import { useNavigate } from '@solidjs/router'
import { createSignal, createUniqueId } from 'solid-js'
import { pageTitle } from '../ui/pageTitle'
import { AccountError } from './errors'
import { FormError } from './FormError'
import { RequireSignIn } from './RequireSignIn'
import { useSession } from './session'
import './account.css'

export default function PrivacyPage() {
  pageTitle('Your data')
  return <RequireSignIn what="your data">{() => <Privacy />}</RequireSignIn>
}

function Privacy() {
  const session = useSession()
  const navigate = useNavigate()
  const id = createUniqueId()
  const [exportError, setExportError] = createSignal<AccountError | null>(null)
  const [deleteError, setDeleteError] = createSignal<AccountError | null>(null)
  const [busy, setBusy] = createSignal(false)

  async function download() {
    const r = await session.client.request('/api/privacy/export', { schema: { parse: (v: unknown) => ({ ok: true as const, value: v }) } })
    if (!r.ok) return setExportError(r.error)
    const url = URL.createObjectURL(new Blob([JSON.stringify(r.value, null, 2)], { type: 'application/json' }))
    const a = document.createElement('a')
    a.href = url
    a.download = 'silenttalk-export.json'
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }

  async function deleteAccount(e: SubmitEvent) {
    e.preventDefault()
    const password = String(new FormData(e.currentTarget as HTMLFormElement).get('password'))
    setBusy(true)
    const r = await session.client.request('/api/privacy/account', { method: 'DELETE', json: { password } })
    setBusy(false)
    if (!r.ok) return setDeleteError(r.error)
    await session.client.signOut()
    navigate('/', { replace: true })
  }

  return (
    <div class="page narrow">
      <h1>Your data</h1>
      <section class="section" aria-labelledby={`${id}-export`}>
        <h2 id={`${id}-export`}>Download your data</h2>
        <p>Your account, profile and picture, contacts, call history with the chat you wrote, signed-in devices, and the account activity log: one JSON file.</p>
        <button type="button" class="button" onClick={download}>
          Download my data
        </button>
        <FormError error={exportError()} />
      </section>
      <section class="section" aria-labelledby={`${id}-delete`}>
        <h2 id={`${id}-delete`}>Delete your account</h2>
        <p>
          This removes your account, profile, picture, contacts, call history and the chat you wrote, at once and for good. Others keep their own history of
          calls with you. Only a record that an account was deleted remains, without anything that identifies you.
        </p>
        <form class="account-form" onSubmit={deleteAccount}>
          <label for={`${id}-password`}>Your password, to confirm</label>
          <input id={`${id}-password`} name="password" type="password" autocomplete="current-password" required />
          <label>
            <input type="checkbox" required /> I understand this cannot be undone
          </label>
          <FormError error={deleteError()} />
          <div class="actions">
            <button type="submit" class="button danger" disabled={busy()}>
              Delete my account
            </button>
          </div>
        </form>
      </section>
    </div>
  )
}
