/**
 * @module `/account`: name, sign language and caption preferences (kept on the server, so every
 * device shows captions alike), the picture others see, email confirmation, and the devices
 * signed in.
 */
import { A, useNavigate } from '@solidjs/router'
import { createResource, createSignal, createUniqueId, For, Show } from 'solid-js'
import { sessionListSchema, type Me } from '../../../shared/protocol/api/auth'
import {
  AVATAR_TYPES,
  MAX_AVATAR_BYTES,
  MAX_DISPLAY_NAME_CHARS,
  profileSchema,
  type CaptionPrefs,
  type Profile,
  type SignLanguage,
} from '../../../shared/protocol/api/profile'
import { pageTitle } from '../ui/pageTitle'
import { Avatar } from './Avatar'
import { AccountError } from './errors'
import { FormError } from './FormError'
import { RequireSignIn } from './RequireSignIn'
import { useSession } from './session'
import { SignLanguageSelect } from './SignLanguageSelect'
import './account.css'

export default function ProfilePage() {
  pageTitle('Your account')
  return <RequireSignIn what="your account">{(me) => <Account me={me()} />}</RequireSignIn>
}

function Account(props: { me: Me }) {
  const session = useSession()
  const navigate = useNavigate()
  const adopt = (profile: Profile) => session.client.updateMe((me) => ({ ...me, profile }))
  return (
    <div class="page narrow">
      <h1>Your account</h1>
      <ProfileForm profile={props.me.profile} onSaved={adopt} />
      <AvatarForm me={props.me} onSaved={adopt} />
      <EmailStatus me={props.me} />
      <Devices />
      <section class="section" aria-labelledby="privacy-link">
        <h2 id="privacy-link">Your data</h2>
        <p>
          <A href="/account/privacy">Download your data or delete your account</A>.
        </p>
      </section>
      <div class="actions">
        <button
          type="button"
          class="button large"
          onClick={async () => {
            await session.client.signOut()
            navigate('/')
          }}
        >
          Sign out
        </button>
      </div>
    </div>
  )
}

function ProfileForm(props: { profile: Profile; onSaved: (p: Profile) => void }) {
  const session = useSession()
  const id = createUniqueId()
  const [error, setError] = createSignal<AccountError | null>(null)
  const [saved, setSaved] = createSignal(false)
  async function submit(e: SubmitEvent) {
    e.preventDefault()
    const form = new FormData(e.currentTarget as HTMLFormElement)
    const captionPrefs: CaptionPrefs = {
      size: String(form.get('size')) as CaptionPrefs['size'],
      position: String(form.get('position')) as CaptionPrefs['position'],
      contrast: form.get('contrast') === 'on' ? 'high' : 'standard',
      showInterim: form.get('showInterim') === 'on',
    }
    const patch = { displayName: String(form.get('displayName')).trim(), signLanguage: String(form.get('signLanguage')) as SignLanguage, captionPrefs }
    const r = await session.client.request('/api/profile', { method: 'PATCH', json: patch, schema: profileSchema })
    setSaved(r.ok)
    setError(r.ok ? null : r.error)
    if (r.ok) props.onSaved(r.value)
  }
  return (
    <section class="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Profile and captions</h2>
      <form class="account-form" onSubmit={submit} onInput={() => setSaved(false)}>
        <label for={`${id}-name`}>Name</label>
        <input id={`${id}-name`} name="displayName" autocomplete="name" maxlength={MAX_DISPLAY_NAME_CHARS} required value={props.profile.displayName} />
        <label for={`${id}-language`}>Sign language</label>
        <SignLanguageSelect id={`${id}-language`} name="signLanguage" value={props.profile.signLanguage} />
        <label for={`${id}-size`}>Caption size</label>
        <select id={`${id}-size`} name="size" value={props.profile.captionPrefs.size}>
          <option value="small">Small</option>
          <option value="medium">Medium</option>
          <option value="large">Large</option>
          <option value="x-large">Extra large</option>
        </select>
        <fieldset>
          <legend>Captions appear</legend>
          <label>
            <input type="radio" name="position" value="bottom" checked={props.profile.captionPrefs.position === 'bottom'} /> At the bottom
          </label>
          <label>
            <input type="radio" name="position" value="top" checked={props.profile.captionPrefs.position === 'top'} /> At the top
          </label>
        </fieldset>
        <label>
          <input type="checkbox" name="contrast" checked={props.profile.captionPrefs.contrast === 'high'} /> High-contrast captions
        </label>
        <label>
          <input type="checkbox" name="showInterim" checked={props.profile.captionPrefs.showInterim} /> Show letters and words while they are being
          recognised
        </label>
        <FormError error={error()} />
        <div class="actions">
          <button type="submit" class="button primary">
            Save
          </button>
          <Show when={saved()}>
            <p role="status">Saved. Your other devices use these settings too.</p>
          </Show>
        </div>
      </form>
    </section>
  )
}

function AvatarForm(props: { me: Me; onSaved: (p: Profile) => void }) {
  const session = useSession()
  const id = createUniqueId()
  const [error, setError] = createSignal<AccountError | null>(null)
  const [busy, setBusy] = createSignal(false)
  async function upload(file: File) {
    if (file.size > MAX_AVATAR_BYTES) return setError(AccountError.refused('payload-too-large', 'The picture must be 2 MB or smaller.'))
    setBusy(true)
    const r = await session.client.request('/api/profile/avatar', { method: 'PUT', body: file, schema: profileSchema })
    setBusy(false)
    setError(r.ok ? null : r.error)
    if (r.ok) props.onSaved(r.value)
  }
  async function remove() {
    const r = await session.client.request('/api/profile/avatar', { method: 'DELETE', schema: profileSchema })
    setError(r.ok ? null : r.error)
    if (r.ok) props.onSaved(r.value)
  }
  return (
    <section class="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Picture</h2>
      <div class="person">
        <Avatar user={{ id: props.me.id, displayName: props.me.profile.displayName, avatarUrl: props.me.profile.avatarUrl }} size={72} />
        <div>
          <label for={`${id}-file`}>Choose a picture (PNG, JPEG, WebP or GIF, up to 2 MB)</label>
          <input
            id={`${id}-file`}
            type="file"
            accept={AVATAR_TYPES.join(',')}
            disabled={busy()}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0]
              if (file) void upload(file)
            }}
          />
          <Show when={props.me.profile.avatarUrl}>
            <div class="actions">
              <button type="button" class="button small" onClick={remove}>
                Remove picture
              </button>
            </div>
          </Show>
        </div>
      </div>
      <FormError error={error()} />
    </section>
  )
}

function EmailStatus(props: { me: Me }) {
  const session = useSession()
  const [sent, setSent] = createSignal(false)
  return (
    <section class="section" aria-labelledby="email-title">
      <h2 id="email-title">Email</h2>
      <p>
        {props.me.email}: {props.me.emailVerified ? 'confirmed.' : 'not confirmed yet.'}
      </p>
      <Show when={!props.me.emailVerified}>
        <Show when={!sent()} fallback={<p role="status">A new link is on its way.</p>}>
          <button
            type="button"
            class="button small"
            onClick={async () => setSent((await session.client.request('/api/auth/verify-email/send', { method: 'POST' })).ok)}
          >
            Send the confirmation link again
          </button>
        </Show>
      </Show>
    </section>
  )
}

function Devices() {
  const session = useSession()
  const [list, { refetch }] = createResource(async () => {
    const r = await session.client.request('/api/auth/sessions', { schema: sessionListSchema })
    return r.ok ? r.value.sessions : []
  })
  return (
    <section class="section" aria-labelledby="devices-title">
      <h2 id="devices-title">Signed-in devices</h2>
      <ul class="person-list">
        <For each={list()}>
          {(s) => (
            <li class="person">
              <span class="person-name">
                {s.userAgent || 'Unknown device'}
                {s.current ? ' (this device)' : ''}
                <br />
                <small>Last active {new Date(s.lastRefreshedAtMs).toLocaleString()}</small>
              </span>
              <Show when={!s.current}>
                <button
                  type="button"
                  class="button small"
                  onClick={async () => {
                    await session.client.request(`/api/auth/sessions/${s.id}`, { method: 'DELETE' })
                    await refetch()
                  }}
                >
                  Sign out
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  )
}
