/**
 * @module `/practice/glossary/:sign`: how one sign is made, in words and as a recorded hand
 * skeleton, whether this version recognises it, and a way to practise just that sign.
 */
import { A, useParams } from '@solidjs/router'
import { createResource, createSignal, Show } from 'solid-js'
import { pageTitle } from '../../ui/pageTitle'
import { loadCatalog } from '../loadCatalog'
import { displayLabel } from '../signs'
import { HandAnimation } from './HandAnimation'
import { loadReferenceSigns } from './loadReferenceSigns'
import { SIGN_DESCRIPTIONS } from './signDescriptions'
import '../practice.css'

export default function SignPage() {
  const params = useParams<{ sign: string }>()
  const label = () => decodeURIComponent(params.sign)
  const name = () => displayLabel(label())
  const description = () => SIGN_DESCRIPTIONS[label()]
  const [reference] = createResource(label, async (l) => (await loadReferenceSigns()).get(l) ?? null)
  const [catalog] = createResource(() => loadCatalog().catch(() => null))
  const [mirrored, setMirrored] = createSignal(false)
  const isLetter = () => /^[A-Z]$/.test(label())
  const recognised = () => {
    const c = catalog()
    const model = isLetter() ? c?.letters : c?.words
    return model?.labels.includes(label()) ?? false
  }

  return (
    <section class="page practice narrow" aria-labelledby="sign-title">
      <p>
        <A href="/practice/glossary">← Glossary</A>
      </p>
      <Show when={description()} fallback={<h1 id="sign-title">No sign “{name()}” in the glossary</h1>}>
        {(d) => {
          pageTitle(`How to sign ${name()}`)
          return (
            <>
              <h1 id="sign-title">{isLetter() ? `The letter ${name()}` : `“${name()}”`}</h1>
              <div class="sign-detail">
                <Show when={reference()} fallback={<p class="hint">{reference.loading ? 'Loading the recording…' : 'No recording of this sign is available.'}</p>}>
                  {(r) => <HandAnimation frames={r().frames} body={r().body} showBody={!isLetter()} fps={r().fps} label={name()} mirrored={mirrored()} />}
                </Show>
                <dl class="sign-description">
                  <dt>Handshape</dt>
                  <dd>{d().handshape}</dd>
                  <dt>Location</dt>
                  <dd>{d().location}</dd>
                  <dt>Movement</dt>
                  <dd>{d().movement}</dd>
                </dl>
              </div>
              <label class="check">
                <input type="checkbox" checked={mirrored()} onChange={(e) => setMirrored(e.currentTarget.checked)} /> Show as in a mirror
              </label>
              <p class="hint">The recording shows the signer as you would face them; written for a right-handed signer (left-handed signers mirror it).</p>
              <Show when={catalog.state === 'ready'}>
                <Show when={recognised()} fallback={<p>This version of SilentTalk does not recognise this sign yet.</p>}>
                  <A class="button primary" href={`/practice/${isLetter() ? 'alphabet' : 'signs'}?sign=${encodeURIComponent(label())}`}>
                    Practise {name()}
                  </A>
                </Show>
              </Show>
            </>
          )
        }}
      </Show>
    </section>
  )
}
