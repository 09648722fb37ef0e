import { expect } from '@esm-bundle/chai'
import { createEffect, createRoot, createSignal } from 'solid-js'
import type { CaptionEvent } from '../../../shared/protocol/captions'
import type { CaptionUpdate } from './createCaptionFeed'
import { createSpeech } from './createSpeech'

const update = (id: string, text: string, extra: Partial<CaptionUpdate> = {}): CaptionUpdate => {
  const now = Date.now()
  const event: CaptionEvent = { v: 1, id, text, kind: 'word', confidence: 0.9, tStart: now - 800, tEnd: now - 50, final: true }
  return { entry: { key: `ana:${id}`, from: 'ana', name: 'Ana', event, firstAtMs: now, atMs: now }, change: 'added', wasFinal: false, mine: false, atMs: now, ...extra }
}

async function until(ok: () => boolean, timeoutMs = 20_000) {
  const t0 = performance.now()
  while (!ok()) {
    if (performance.now() - t0 > timeoutMs) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('reading captions aloud (real speechSynthesis)', () => {
  it('says other people’s finals one at a time, in order, and an utterance the engine fails does not stall the rest', async () => {
    // This machine may have no speech engine (Chromium then fails each utterance): either way
    // each utterance must start only after the one before it ended, and all must be tried.
    const said: (string | null)[] = []
    const { speech, dispose } = createRoot((dispose) => {
      const speech = createSpeech({ on: () => true, voiceUri: () => null, rate: () => 1.25 })
      createEffect(() => said.push(speech.current()))
      return { speech, dispose }
    })
    try {
      expect(speech.available).to.equal(true)
      speech.hear(update('w0', 'hello'))
      speech.hear(update('w1', 'thank you'))
      speech.hear(update('w2', 'mine', { mine: true }))
      speech.hear(update('w3', 'HELLO', { entry: { ...update('w3', 'HELLO').entry, event: { ...update('w3', 'HELLO').entry.event, kind: 'letter' } } }))
      await until(() => said.filter((s) => s !== null).length === 3 && said.at(-1) === null)
      expect(said.filter((s) => s !== null)).to.deep.equal(['hello', 'thank you', 'hello'])
      // Never two at once: every utterance is followed by "nothing" before the next.
      for (let i = 1; i < said.length; i++) if (said[i] !== null) expect(said[i - 1]).to.equal(null)
    } finally {
      dispose()
    }
  })

  it('says nothing while off, and stops when silenced', async () => {
    const [on, setOn] = createSignal(false)
    const { speech, dispose } = createRoot((dispose) => ({ speech: createSpeech({ on, voiceUri: () => null, rate: () => 1 }), dispose }))
    try {
      speech.hear(update('w0', 'hello'))
      expect(speech.current()).to.equal(null)
      setOn(true)
      speech.hear(update('w1', 'please'))
      speech.silence()
      expect(speech.current()).to.equal(null)
      expect(speechSynthesis.speaking && speechSynthesis.pending).to.equal(false)
    } finally {
      dispose()
    }
  })
})
