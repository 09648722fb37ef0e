/**
 * @module The user's custom signs as captions wherever the recogniser runs (sign captions in a
 * call): loads the signs from this device, follows changes made in any tab (BroadcastChannel), and
 * turns every frame the recogniser saw into a caption event when a custom sign was just made.
 *
 * @example
 * // beside createRecognizer, in the component that captions the signer:
 * const custom = createCustomSignCaptions({ onCaption: publish })
 * createEffect(() => { const frame = rec.hands(); if (frame) custom.push(frame) })
 */
import { createSignal, onCleanup } from 'solid-js'
import type { FrameObservation } from '../../../../shared/features/observation'
import type { CaptionEvent } from '../../../../shared/protocol/captions'
import { makePracticeDbConnection } from '../practiceDb'
import { CUSTOM_SIGNS_CHANNEL, makeCustomSignStore } from './customSignStore'
import { customSignCaption, makeCustomSignMatcher, type CustomSignMatcher } from './makeCustomSignMatcher'

export type CustomSignCaptionsOptions = {
  onCaption: (e: CaptionEvent) => void
  /** Epoch ms of the frames' time 0 (camera frames: performance.timeOrigin). */
  timeOriginMs?: number
}

export function createCustomSignCaptions(opts: CustomSignCaptionsOptions) {
  const connection = makePracticeDbConnection()
  const store = makeCustomSignStore(connection.db)
  const [matcher, setMatcher] = createSignal<CustomSignMatcher | null>(null)
  const [names, setNames] = createSignal<string[]>([])
  // Caption ids must be unique across this device's recognisers and restarts.
  const idPrefix = `cs${Math.random().toString(36).slice(2, 10)}`
  let count = 0
  let disposed = false

  const load = async () => {
    try {
      const templates = await store.templates()
      if (disposed) return
      setMatcher(templates.length > 0 ? makeCustomSignMatcher(templates) : null)
      setNames(templates.map((t) => t.name))
    } catch {
      // No storage here (a private window): there are no custom signs to recognise.
      setMatcher(null)
      setNames([])
    }
  }
  void load()
  const channel = new BroadcastChannel(CUSTOM_SIGNS_CHANNEL)
  channel.onmessage = () => void load()
  onCleanup(() => {
    disposed = true
    channel.close()
    connection.close()
  })

  return {
    /** Names of the signs being recognised. */
    names,
    /** Feeds one recognised frame; calls `onCaption` with a final caption when a custom sign was made. */
    push(frame: FrameObservation) {
      const m = matcher()?.push(frame)
      if (m) opts.onCaption(customSignCaption(m, `${idPrefix}-${count++}`, opts.timeOriginMs))
    },
  }
}
