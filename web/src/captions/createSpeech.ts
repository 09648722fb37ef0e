/**
 * @module Reads other people's sign captions aloud (speechSynthesis) for hearing participants, one
 * at a time through `speechQueue.ts`. The voices list loads late in some browsers
 * (`voiceschanged`), so it is a signal.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js'
import type { CaptionUpdate } from './createCaptionFeed'
import { EMPTY_QUEUE, enqueue, finished, speechFor, takeNext, type SpeechQueue } from './speechQueue'

export type SpeechOptions = {
  on: Accessor<boolean>
  voiceUri: Accessor<string | null>
  rate: Accessor<number>
}

export function createSpeech(opts: SpeechOptions) {
  const synth = typeof speechSynthesis === 'undefined' ? null : speechSynthesis
  const [voices, setVoices] = createSignal<SpeechSynthesisVoice[]>(synth?.getVoices() ?? [])
  const [current, setCurrent] = createSignal<string | null>(null)
  let queue: SpeechQueue = EMPTY_QUEUE
  let disposed = false

  if (synth) {
    const update = () => setVoices(synth.getVoices())
    synth.addEventListener('voiceschanged', update)
    onCleanup(() => synth.removeEventListener('voiceschanged', update))
  }

  function pump() {
    if (!synth || disposed) return
    const step = takeNext(queue, Date.now())
    queue = step.queue
    const say = step.say
    if (!say) return
    const u = new SpeechSynthesisUtterance(say.text)
    const voice = voices().find((v) => v.voiceURI === opts.voiceUri())
    if (voice) {
      u.voice = voice
      u.lang = voice.lang
    }
    u.rate = opts.rate()
    const done = () => {
      queue = finished(queue, say.key)
      setCurrent(null)
      pump()
    }
    u.onend = done
    // An utterance the engine refuses or that is cancelled must not stall the queue.
    u.onerror = done
    setCurrent(say.text)
    synth.speak(u)
  }

  onCleanup(() => {
    disposed = true
    queue = EMPTY_QUEUE
    synth?.cancel()
  })

  return {
    available: synth !== null,
    voices,
    /** What is being read aloud now. */
    current,
    /** Feed every caption update here; only what `speechFor` picks is spoken. */
    hear(u: CaptionUpdate) {
      if (!opts.on()) return
      const text = speechFor(u.change, u.wasFinal, u.entry.event, u.mine, u.atMs)
      if (!text) return
      queue = enqueue(queue, { key: u.entry.key, text, enqueuedAtMs: u.atMs })
      pump()
    },
    /** Turning speech off stops what is being said now, too. */
    silence() {
      queue = EMPTY_QUEUE
      setCurrent(null)
      synth?.cancel()
    },
  }
}
