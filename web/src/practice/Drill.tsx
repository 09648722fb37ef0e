/**
 * @module The practice loop: the app asks for a sign, the on-device recogniser watches the
 * attempt, and the answer comes at once (right, or what it saw instead and how sure it was). While
 * the learner is still forming the sign, what the recogniser sees right now is shown too. Every
 * attempt updates the sign's progress on the device.
 */
import { A } from '@solidjs/router'
import { createEffect, createSignal, For, on, onCleanup, Show } from 'solid-js'
import { createRecognizer } from '../recognition/createRecognizer'
import type { CaptionMode, TopLabel } from '../recognition/messages'
import { makeCustomSignMatcher, type Nearest } from './customSigns/makeCustomSignMatcher'
import type { CalibratedTemplate } from './customSigns/customSignTemplates'
import { describePracticeError, PracticeError, storageError } from './errors'
import { makeAttemptJudge, type AttemptJudge, type Feedback } from './judgeAttempt'
import { nextItem, type PracticeItem } from './lessons'
import { accuracy, type SignProgress } from './progress'
import type { ProgressStore } from './progressStore'
import { makeCaptionReader, type Observation } from './readCaptions'
import { PracticeCamera } from './PracticeCamera'
import { rememberedDelegate } from './rememberDelegate'
import { displayLabel, type PracticeSign } from './signs'

export type DrillProps = {
  items: PracticeItem[]
  /** Classifier models to load (`models/<id>`). */
  models: string[]
  captionMode: CaptionMode
  customSigns: CalibratedTemplate[]
  store: ProgressStore
  initialProgress: Map<string, SignProgress>
  /** The letter and word models' "no sign" labels, never shown as what was seen. */
  noSign: ReadonlySet<string>
}

/** Long enough to read "Right", short enough to keep the rhythm. */
const NEXT_PROMPT_DELAY_MS = 1_200

export function Drill(props: DrillProps) {
  const [video, setVideo] = createSignal<HTMLVideoElement>()
  const [progress, setProgress] = createSignal(props.initialProgress)
  // Not deduplicated: practising one sign prompts the same item again, and that is a new attempt.
  const [item, setItem] = createSignal<PracticeItem | null>(nextItem(props.items, props.initialProgress, null), { equals: false })
  const [feedback, setFeedback] = createSignal<Feedback | null>(null)
  const [position, setPosition] = createSignal(0)
  const [nearest, setNearest] = createSignal<Nearest | null>(null)
  const [saveError, setSaveError] = createSignal<PracticeError | null>(null)
  const readCaptions = makeCaptionReader()
  const names = new Map(props.customSigns.map((s) => [s.id, s.name]))
  const matcher = props.customSigns.length > 0 ? makeCustomSignMatcher(props.customSigns) : null
  let judge: AttemptJudge | null = null
  let advanceTimer: ReturnType<typeof setTimeout> | undefined
  onCleanup(() => clearTimeout(advanceTimer))

  createEffect(
    on(item, (i) => {
      judge = i && makeAttemptJudge(i, (o) => (o.kind === 'custom' ? (names.get(o.label) ?? o.label) : o.label))
      setPosition(0)
      matcher?.reset()
    }),
  )

  const rec = createRecognizer({
    video,
    delegate: rememberedDelegate(),
    models: props.models,
    captionMode: props.captionMode,
    onCaption: (e) => readCaptions(e).forEach(observe),
  })

  createEffect(
    on(rec.hands, (frame) => {
      if (!frame || !matcher) return
      const m = matcher.push(frame)
      setNearest(matcher.nearest())
      if (m) observe({ kind: 'custom', label: m.id, confidence: m.confidence })
    }),
  )

  function observe(o: Observation) {
    const f = judge?.push(o)
    if (!f) return
    setFeedback(f)
    setPosition(judge!.position())
    void save(f.records)
    if (f.complete) {
      clearTimeout(advanceTimer)
      advanceTimer = setTimeout(advance, NEXT_PROMPT_DELAY_MS)
    }
  }

  async function save(records: Feedback['records']) {
    try {
      const updated = await props.store.record(records)
      setProgress((p) => new Map([...p, ...updated.map((u) => [u.key, u] as const)]))
      setSaveError(null)
    } catch (e) {
      setSaveError(storageError(e))
    }
  }

  function advance() {
    clearTimeout(advanceTimer)
    setItem((current) => nextItem(props.items, progress(), current?.key ?? null))
  }

  function skip() {
    setFeedback(null)
    advance()
  }

  const liveGuess = (): string | null => {
    const i = item()
    if (!i) return null
    if (i.kind === 'sign' && i.sign.kind === 'custom') {
      const n = nearest()
      if (!n) return null
      return n.distance < n.threshold ? `Looks like “${n.name}”` : `Closest: “${n.name}”, not close enough yet`
    }
    const top: TopLabel | undefined = (i.kind === 'spell' || i.sign.kind === 'letter' ? rec.letters() : rec.words()).find((l) => !props.noSign.has(l.label))
    return top ? `Seeing: ${displayLabel(top.label)} (${percent(top.p)})` : null
  }

  const stats = () => {
    const i = item()
    const p = i && progress().get(i.kind === 'spell' ? i.letters[position()]?.key ?? i.key : i.key)
    return p ? `${p.correct} of ${p.attempts} right (${percent(accuracy(p))}), streak ${p.streak}` : 'First try'
  }

  return (
    <div class="drill">
      <PracticeCamera rec={rec} onVideo={setVideo} />
      <div class="drill-panel">
        <Show when={item()} keyed fallback={<p>Nothing to practise here yet.</p>}>
          {(i) => (
            <div class="prompt card" data-prompt={i.key}>
              {i.kind === 'spell' ? <SpellPrompt item={i} position={position()} /> : <SignPrompt sign={i.sign} />}
              <p class="hint">{stats()}</p>
              <p class="live-guess" aria-live="off">
                {rec.status() === 'ready' ? (liveGuess() ?? 'Waiting for your sign…') : ''}
              </p>
              <button type="button" class="button small" onClick={skip}>
                Skip
              </button>
            </div>
          )}
        </Show>
        <div class="feedback-region" role="status" aria-live="polite">
          <Show when={feedback()}>
            {(f) => (
              <p class="feedback" classList={{ right: f().correct, wrong: !f().correct }} data-correct={String(f().correct)} data-saw={f().saw}>
                {f().correct
                  ? `Right: ${f().saw} (${percent(f().confidence)} sure).`
                  : `Not quite: that looked like ${displayLabel(f().saw)} (${percent(f().confidence)} sure). Try ${f().expected} again.`}
              </p>
            )}
          </Show>
        </div>
        <Show when={saveError()}>{(e) => <p class="alert error">{describePracticeError(e())}</p>}</Show>
      </div>
    </div>
  )
}

function SignPrompt(props: { sign: PracticeSign }) {
  return (
    <>
      <p class="prompt-label">{props.sign.kind === 'letter' ? 'Sign the letter' : 'Sign'}</p>
      <p class="prompt-sign">{props.sign.name}</p>
      <Show when={props.sign.kind !== 'custom'}>
        <A href={`/practice/glossary/${encodeURIComponent(props.sign.label)}`}>How to sign {props.sign.name}</A>
      </Show>
    </>
  )
}

function SpellPrompt(props: { item: Extract<PracticeItem, { kind: 'spell' }>; position: number }) {
  return (
    <>
      <p class="prompt-label">Fingerspell</p>
      <p class="prompt-word" aria-label={`${props.item.word}, letter ${Math.min(props.position + 1, props.item.letters.length)} of ${props.item.letters.length}`}>
        <For each={props.item.letters}>{(l, n) => <span classList={{ done: n() < props.position, current: n() === props.position }}>{l.label}</span>}</For>
      </p>
    </>
  )
}

const percent = (p: number) => `${Math.round(p * 100)}%`
