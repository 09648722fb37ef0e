/**
 * @module `/practice/glossary`: every sign SilentTalk can practise (the alphabet and the signs of
 * its models), each linking to how it is made.
 */
import { A } from '@solidjs/router'
import { For } from 'solid-js'
import { pageTitle } from '../../ui/pageTitle'
import { displayLabel } from '../signs'
import { SIGN_DESCRIPTIONS } from './signDescriptions'
import '../practice.css'

const isLetter = (label: string) => /^[A-Z]$/.test(label)

export default function GlossaryPage() {
  pageTitle('Glossary')
  const labels = Object.keys(SIGN_DESCRIPTIONS)
  return (
    <section class="page practice" aria-labelledby="glossary-title">
      <p>
        <A href="/practice">← Practice</A>
      </p>
      <h1 id="glossary-title">Glossary</h1>
      <p class="lede">How to make each sign: handshape, where it is made and how it moves, with a recorded hand to watch.</p>
      <h2>The alphabet</h2>
      <ul class="glossary-grid letters">
        <For each={labels.filter(isLetter)}>
          {(l) => (
            <li>
              <A href={`/practice/glossary/${l}`}>{l}</A>
            </li>
          )}
        </For>
      </ul>
      <h2>Signs</h2>
      <ul class="glossary-grid words">
        <For each={labels.filter((l) => !isLetter(l))}>
          {(l) => (
            <li>
              <A href={`/practice/glossary/${encodeURIComponent(l)}`}>{displayLabel(l)}</A>
            </li>
          )}
        </For>
      </ul>
    </section>
  )
}
