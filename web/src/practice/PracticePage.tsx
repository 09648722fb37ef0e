/**
 * @module `/practice`: the lessons with how far the learner has got in each, the signs to review,
 * the glossary and the user's own signs, offline readiness, and progress export and import.
 */
import { A } from '@solidjs/router'
import { createResource, createSignal, For, onCleanup, Show } from 'solid-js'
import { pageTitle } from '../ui/pageTitle'
import { makeCustomSignStore } from './customSigns/customSignStore'
import { datedFileName, downloadText } from './downloadText'
import { describePracticeError, storageError, type PracticeError } from './errors'
import { LESSON_IDS, LESSON_TITLES, lessonPlan } from './lessonPlan'
import { loadCatalog, type Catalog } from './loadCatalog'
import { OfflineReadiness } from './OfflineReadiness'
import { makePracticeDbConnection } from './practiceDb'
import { accuracy, KNOWN_MASTERY, mastery, weakestSigns, type SignProgress } from './progress'
import { makeProgressStore } from './progressStore'
import { displayLabel } from './signs'
import './practice.css'

export default function PracticePage() {
  pageTitle('Practice')
  const connection = makePracticeDbConnection()
  onCleanup(connection.close)
  const store = makeProgressStore(connection.db)
  const customStore = makeCustomSignStore(connection.db)
  const [message, setMessage] = createSignal<string | null>(null)
  const [error, setError] = createSignal<PracticeError | null>(null)

  const [data, { refetch }] = createResource(async () => {
    const [catalog, progress, custom] = await Promise.all([
      // Not reachable (offline before the first visit finished): the lessons say they have no model.
      loadCatalog().catch((): Catalog => ({ letters: null, words: null })),
      store.all().catch((e: unknown) => {
        setError(storageError(e))
        return new Map<string, SignProgress>()
      }),
      customStore.list().catch(() => []),
    ])
    return { catalog, progress, custom }
  })

  const lessons = () => {
    const d = data()
    if (!d) return []
    return LESSON_IDS.map((id) => {
      const plan = lessonPlan(id, d.catalog, d.custom, d.progress)
      const known = plan.items.filter((i) => mastery(d.progress.get(i.key)) >= KNOWN_MASTERY).length
      return { id, title: LESSON_TITLES[id], count: plan.items.length, known }
    })
  }
  const weakest = () => {
    const d = data()
    return d ? weakestSigns([...d.progress.values()], 5) : []
  }
  const nameOf = (key: string) => {
    const [source, label = ''] = key.split(/:(.*)/s)
    if (source === 'custom') return data()?.custom.find((c) => c.id === label)?.name ?? 'a deleted sign'
    if (source === 'spell') return `${label} (spelled)`
    return displayLabel(label)
  }

  async function exportProgress() {
    setError(null)
    try {
      downloadText(datedFileName('silenttalk-progress'), await store.exportText())
    } catch (e) {
      setError(storageError(e))
    }
  }

  async function importProgress(input: HTMLInputElement) {
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    setError(null)
    setMessage(null)
    try {
      const n = await store.importText(await file.text())
      setMessage(n === 0 ? 'Your progress here is already up to date with that file.' : `Imported progress for ${n} sign${n === 1 ? '' : 's'}.`)
      void refetch()
    } catch (e) {
      setError(storageError(e))
    }
  }

  return (
    <section class="page practice" aria-labelledby="practice-title">
      <h1 id="practice-title">Practise signing</h1>
      <p class="lede">SilentTalk asks for a sign, watches your attempt with the camera and tells you at once how it went. Everything happens on this device.</p>
      <p>
        The lessons are in American Sign Language (ASL), the only sign language SilentTalk has data for so far. There are no BSL or Auslan lessons yet; you can still teach it
        signs of your own in any language.
      </p>
      <OfflineReadiness />

      <h2>Lessons</h2>
      <Show when={data.error}>
        <p class="alert error">{describePracticeError(storageError(data.error))}</p>
      </Show>
      <ul class="lesson-list">
        <For each={lessons()}>
          {(l) => (
            <li>
              <A href={`/practice/${l.id}`} class="lesson card">
                <span class="lesson-title">{l.title}</span>
                <span class="hint">
                  {l.id === 'review' ? (l.count === 0 ? 'Nothing yet' : `${l.count} to review`) : l.count === 0 ? (l.id === 'custom' ? 'None yet' : 'Not in this version') : `${l.known} of ${l.count} known`}
                </span>
              </A>
            </li>
          )}
        </For>
      </ul>
      <p class="actions">
        <A href="/practice/glossary" class="button">
          Glossary: how to make each sign
        </A>
        <A href="/practice/your-signs" class="button">
          Teach SilentTalk your own signs
        </A>
      </p>

      <h2>Your progress</h2>
      <Show when={weakest().length > 0} fallback={<p>Signs you find hard will be listed here once you have practised.</p>}>
        <table class="progress-table">
          <caption>Hardest signs so far</caption>
          <thead>
            <tr>
              <th scope="col">Sign</th>
              <th scope="col">Right</th>
              <th scope="col">Accuracy</th>
              <th scope="col">Best streak</th>
            </tr>
          </thead>
          <tbody>
            <For each={weakest()}>
              {(p) => (
                <tr>
                  <th scope="row">{nameOf(p.key)}</th>
                  <td>
                    {p.correct} of {p.attempts}
                  </td>
                  <td>{Math.round(accuracy(p) * 100)}%</td>
                  <td>{p.bestStreak}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <div class="actions">
        <button type="button" class="button" onClick={() => void exportProgress()}>
          Export progress
        </button>
        <label class="button file-button">
          Import progress
          <input type="file" accept="application/json,.json" class="visually-hidden" onChange={(e) => void importProgress(e.currentTarget)} />
        </label>
      </div>
      <div role="status">
        <Show when={message()}>
          <p>{message()}</p>
        </Show>
        <Show when={error()}>{(e) => <p class="alert error">{describePracticeError(e())}</p>}</Show>
      </div>
    </section>
  )
}
