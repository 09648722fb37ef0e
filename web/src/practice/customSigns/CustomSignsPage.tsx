/**
 * @module `/practice/your-signs`: the signs the user has taught SilentTalk. Practise, rename,
 * delete or export each; export or import them all; teach a new one. They are recognised in
 * practice and in calls.
 */
import { A } from '@solidjs/router'
import { createResource, createSignal, For, onCleanup, Show } from 'solid-js'
import { pageTitle } from '../../ui/pageTitle'
import { datedFileName, downloadText } from '../downloadText'
import { describePracticeError, storageError, type PracticeError } from '../errors'
import { makePracticeDbConnection } from '../practiceDb'
import { makeCustomSignStore } from './customSignStore'
import type { CustomSignRecord } from './customSignTemplates'
import { TeachSign } from './TeachSign'
import '../practice.css'

export default function CustomSignsPage() {
  pageTitle('Your signs')
  const connection = makePracticeDbConnection()
  onCleanup(connection.close)
  const store = makeCustomSignStore(connection.db)
  const [signs, { refetch }] = createResource(() => store.list())
  const [teaching, setTeaching] = createSignal(false)
  const [message, setMessage] = createSignal<string | null>(null)
  const [error, setError] = createSignal<PracticeError | null>(null)

  async function act(what: () => Promise<unknown>, done?: string) {
    setError(null)
    setMessage(null)
    try {
      await what()
      if (done) setMessage(done)
      void refetch()
    } catch (e) {
      setError(storageError(e))
    }
  }

  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    await act(async () => {
      const names = await store.importText(await file.text())
      setMessage(names.length === 0 ? 'That file has no signs in it.' : `Imported ${names.join(', ')}.`)
    })
  }

  return (
    <section class="page practice narrow" aria-labelledby="custom-title">
      <p>
        <A href="/practice">← Practice</A>
      </p>
      <h1 id="custom-title">Your signs</h1>
      <p class="lede">Teach SilentTalk signs it does not know: a name sign, a family sign, words for your work. They stay on this device, and are recognised in practice and in your calls.</p>
      <Show
        when={teaching()}
        fallback={
          <button type="button" class="button primary" onClick={() => setTeaching(true)}>
            Teach a new sign
          </button>
        }
      >
        <TeachSign
          store={store}
          onCancel={() => setTeaching(false)}
          onSaved={(r) => {
            setTeaching(false)
            setMessage(`Saved “${r.name}”. SilentTalk will recognise it from now on.`)
            void refetch()
          }}
        />
      </Show>
      <div role="status">
        <Show when={message()}>
          <p>{message()}</p>
        </Show>
        <Show when={error()}>{(e) => <p class="alert error">{describePracticeError(e())}</p>}</Show>
      </div>
      <Show when={signs.error}>
        <p class="alert error">{describePracticeError(storageError(signs.error))}</p>
      </Show>
      <Show when={(signs() ?? []).length > 0} fallback={<p>{signs.loading ? 'Loading…' : 'No signs yet.'}</p>}>
        <ul class="custom-signs">
          <For each={signs()}>{(s) => <CustomSignRow sign={s} act={act} exportOne={() => void act(async () => downloadText(datedFileName(`silenttalk-sign-${slug(s.name)}`), await store.exportText([s.id])))} store={store} />}</For>
        </ul>
      </Show>
      <h2>Move your signs</h2>
      <div class="actions">
        <button type="button" class="button" disabled={(signs() ?? []).length === 0} onClick={() => void act(async () => downloadText(datedFileName('silenttalk-signs'), await store.exportText()))}>
          Export all
        </button>
        <label class="button file-button">
          Import signs
          <input type="file" accept="application/json,.json" class="visually-hidden" onChange={(e) => void importFile(e.currentTarget)} />
        </label>
      </div>
    </section>
  )
}

function CustomSignRow(props: {
  sign: CustomSignRecord
  store: ReturnType<typeof makeCustomSignStore>
  act: (what: () => Promise<unknown>, done?: string) => Promise<void>
  exportOne: () => void
}) {
  const [renaming, setRenaming] = createSignal(false)
  const [name, setName] = createSignal(props.sign.name)
  const id = () => `rename-${props.sign.id}`
  return (
    <li class="custom-sign card" data-sign-name={props.sign.name}>
      <Show
        when={renaming()}
        fallback={
          <p class="custom-sign-name">
            <strong>{props.sign.name}</strong> <span class="hint">{props.sign.takes.length} takes</span>
          </p>
        }
      >
        <form
          class="rename"
          onSubmit={(e) => {
            e.preventDefault()
            void props.act(() => props.store.rename(props.sign.id, name()), `Renamed to “${name().trim()}”.`).then(() => setRenaming(false))
          }}
        >
          <label for={id()}>New name</label>
          <input id={id()} type="text" value={name()} onInput={(e) => setName(e.currentTarget.value)} required />
          <button type="submit" class="button small primary">
            Save name
          </button>
        </form>
      </Show>
      <div class="actions">
        <A class="button small" href={`/practice/custom?sign=${encodeURIComponent(props.sign.id)}`}>
          Practise
        </A>
        <button type="button" class="button small" onClick={() => setRenaming((r) => !r)}>
          Rename
        </button>
        <button type="button" class="button small" onClick={() => props.exportOne()}>
          Export
        </button>
        <button
          type="button"
          class="button small danger"
          onClick={() => {
            if (confirm(`Delete “${props.sign.name}”? SilentTalk will stop recognising it.`)) void props.act(() => props.store.remove(props.sign.id), `Deleted “${props.sign.name}”.`)
          }}
        >
          Delete
        </button>
      </div>
    </li>
  )
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'sign'
