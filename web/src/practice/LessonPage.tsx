/**
 * @module One lesson (`/practice/:lesson`, optionally `?sign=<label>` for one sign): loads what
 * the build recognises, the learner's progress and custom signs, then runs the drill.
 */
import { A, useParams, useSearchParams } from '@solidjs/router'
import { createResource, onCleanup, Show } from 'solid-js'
import { pageTitle } from '../ui/pageTitle'
import { makeCustomSignStore } from './customSigns/customSignStore'
import { Drill } from './Drill'
import { describePracticeError, storageError } from './errors'
import { isLessonId, lessonPlan } from './lessonPlan'
import { loadCatalog, type Catalog } from './loadCatalog'
import { makePracticeDbConnection } from './practiceDb'
import { makeProgressStore } from './progressStore'
import './practice.css'

export default function LessonPage() {
  const params = useParams<{ lesson: string }>()
  const [search] = useSearchParams<{ sign?: string }>()
  const connection = makePracticeDbConnection()
  onCleanup(connection.close)
  const progressStore = makeProgressStore(connection.db)
  const customStore = makeCustomSignStore(connection.db)

  const [setup] = createResource(
    () => [params.lesson, search.sign] as const,
    async ([lesson, focus]) => {
      if (!isLessonId(lesson)) return null
      const [catalog, progress, customSigns] = await Promise.all([
        loadCatalog().catch((): Catalog => ({ letters: null, words: null })),
        progressStore.all().catch(() => new Map()),
        lesson === 'custom' || lesson === 'review' ? customStore.templates() : Promise.resolve([]),
      ])
      const plan = lessonPlan(lesson, catalog, customSigns, progress, focus)
      pageTitle(`Practice: ${plan.title}`)
      const noSign = new Set([catalog.letters?.noSign, catalog.words?.noSign].filter((s): s is string => !!s))
      return { plan, progress, customSigns, noSign }
    },
  )

  return (
    <section class="page practice" aria-labelledby="lesson-title">
      <p>
        <A href="/practice">← All lessons</A>
      </p>
      <Show when={setup.error}>
        <p class="alert error" role="alert">
          {describePracticeError(storageError(setup.error))}
        </p>
      </Show>
      <Show when={setup.state === 'ready'}>
        <Show when={setup()} fallback={<h1 id="lesson-title">No such lesson</h1>}>
          {(s) => (
            <>
              <h1 id="lesson-title">
                {s().plan.title}
                <Show when={search.sign}> — {search.sign}</Show>
              </h1>
              <Show when={s().plan.items.length > 0} fallback={<EmptyLesson lesson={s().plan.id} />}>
                <Drill
                  items={s().plan.items}
                  models={s().plan.models}
                  captionMode={s().plan.captionMode}
                  customSigns={s().customSigns}
                  store={progressStore}
                  initialProgress={s().progress}
                  noSign={s().noSign}
                />
              </Show>
            </>
          )}
        </Show>
      </Show>
    </section>
  )
}

function EmptyLesson(props: { lesson: string }) {
  return (
    <p>
      {props.lesson === 'custom'
        ? 'You have not taught SilentTalk any signs yet. '
        : props.lesson === 'review'
          ? 'Nothing to review: practise a lesson first, and the signs you find hardest will show up here. '
          : 'This version of SilentTalk has no model for this lesson yet. '}
      <A href={props.lesson === 'custom' ? '/practice/your-signs' : '/practice'}>{props.lesson === 'custom' ? 'Teach a sign' : 'Back to the lessons'}</A>
    </p>
  )
}
