/**
 * @module Captions in one call, for `CallView`: the stream (createCaptionFeed), this device's sign
 * recognition, typed captions, the viewer's settings, speech, the history on this device,
 * corrections, and who is signing for the spotlight. The call is passed lazily (`call()`), because
 * the call needs this module's channel and socket handlers when it is created.
 */
import { createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from 'solid-js'
import type { Profile } from '../../../shared/protocol/api/profile'
import type { CaptionEvent } from '../../../shared/protocol/captions'
import type { Peer } from '../../../shared/protocol/signalling'
import { SELF, shownText, type CaptionEntry } from './captionLog'
import { isCaptionsShortcut } from './captionsShortcut'
import { createCaptionFeed } from './createCaptionFeed'
import { createCaptionHistory } from './createCaptionHistory'
import { createCaptionSettings } from './createCaptionSettings'
import { createSignCaptions } from './createSignCaptions'
import { createSpeech } from './createSpeech'
import { NO_SPOTLIGHT, pickSpotlight, type SigningActivity, type SpotlightState } from './pickSpotlight'
import { makeTypedCaptions } from './typedCaption'

export type CallCaptionsOptions = {
  callId: string
  selfName: string
  peers: () => Readonly<Record<string, Peer>>
  sendViaSocket: (event: CaptionEvent, to?: string) => void
  videoTrack: Accessor<MediaStreamTrack | null>
  profile?: Pick<Profile, 'captionPrefs' | 'signLanguage' | 'updatedAtMs'> | null
}

/** How often the spotlight and the overlay's ageing are re-decided. */
const TICK_MS = 250

export function createCallCaptions(opts: CallCaptionsOptions) {
  const startedAtMs = Date.now()
  const { settings, update } = createCaptionSettings(opts.profile)
  const feed = createCaptionFeed({ selfName: opts.selfName, peers: opts.peers, sendViaSocket: opts.sendViaSocket })
  const history = createCaptionHistory({ callId: opts.callId, startedAtMs, feed })
  const sign = createSignCaptions({ videoTrack: opts.videoTrack, language: () => settings().signLanguage, onCaption: feed.publish, onHands: feed.publishHands })
  const speech = createSpeech({ on: () => settings().speak, voiceUri: () => settings().voiceUri, rate: () => settings().speechRate })
  feed.listen(speech.hear)
  createEffect(on(() => settings().speak, (speak) => !speak && speech.silence(), { defer: true }))

  // The "c" key shows and hides captions, as in video players (not while typing).
  const onKey = (e: KeyboardEvent) => {
    const el = e.target instanceof HTMLElement ? e.target : null
    const target = el && { tagName: el.tagName, type: (el as HTMLInputElement).type, isContentEditable: el.isContentEditable }
    if (e.repeat || !isCaptionsShortcut({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, target })) return
    update({ visible: !settings().visible })
  }
  window.addEventListener('keydown', onKey)
  onCleanup(() => window.removeEventListener('keydown', onKey))

  const typed = makeTypedCaptions(`${Math.random().toString(36).slice(2, 10)}`)

  const [nowMs, setNowMs] = createSignal(Date.now())
  const tick = setInterval(() => setNowMs(Date.now()), TICK_MS)
  onCleanup(() => clearInterval(tick))

  const spotlight = createMemo<SpotlightState>(
    (prev) => {
      const activity: Record<string, SigningActivity> = {}
      for (const [id, peer] of Object.entries(opts.peers())) {
        const a = feed.activity[id]
        activity[id] = { recognising: peer.state.captions, handsUp: a?.handsUp ?? false, handsChangedAtMs: a?.handsChangedAtMs ?? 0, lastCaptionAtMs: a?.lastCaptionAtMs ?? -Infinity }
      }
      return pickSpotlight(prev, activity, nowMs())
    },
    NO_SPOTLIGHT,
    { equals: (a, b) => a.spotlight === b.spotlight && a.signing.join() === b.signing.join() },
  )

  /** Origin of the exports: the earliest of our joining and any caption we hold (a late joiner's resent ones). */
  const originMs = () => Math.min(startedAtMs, ...feed.entries().map((e) => e.event.tStart))

  return {
    settings,
    updateSettings: update,
    entries: feed.entries,
    feed,
    sign,
    speech,
    history,
    nowMs,
    originMs,
    /** Who is signing (tile highlight) and whom to spotlight. */
    spotlight,
    type(text: string) {
      const e = typed.input(text)
      if (e) feed.publish(e)
    },
    submitTyped(text: string) {
      const e = typed.submit(text)
      if (e) feed.publish(e)
    },
    /**
     * Marks a caption wrong. On the signer's device, our own sign caption is stored with the hand
     * landmarks behind it; anyone else's caption is stored as text only, because their landmarks
     * never leave their device (only caption text crosses the call).
     */
    async correct(entry: CaptionEntry, meant: string) {
      const text = meant.trim()
      if (!text || text === shownText(entry)) return
      const corrected = feed.correct(entry.key, text)
      if (!corrected) return
      const ownSign = entry.from === SELF && entry.event.kind !== 'typed'
      const landmarks = ownSign ? sign.landmarksFor(entry.event) : []
      await history.addCorrection(corrected, {
        captionKey: entry.key,
        kind: entry.event.kind,
        shown: shownText(entry),
        meant: text,
        tStart: entry.event.tStart,
        tEnd: entry.event.tEnd,
        atMs: Date.now(),
        landmarks: landmarks.length > 0 ? landmarks : null,
      })
    },
  }
}

export type CallCaptions = ReturnType<typeof createCallCaptions>
