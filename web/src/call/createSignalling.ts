/** @module `makeSignalling` tied to the calling component: its status is a signal, and it closes with the owner. */
import { createSignal, onCleanup } from 'solid-js'
import { makeSignalling, type SignallingOptions, type SignallingStatus } from './makeSignalling'

export function createSignalling(opts: Omit<SignallingOptions, 'onStatus'> & { onStatus?: SignallingOptions['onStatus'] }) {
  const [status, setStatus] = createSignal<SignallingStatus>('connecting')
  const signalling = makeSignalling({
    ...opts,
    onStatus(s) {
      setStatus(s)
      opts.onStatus?.(s)
    },
  })
  onCleanup(signalling.dispose)
  return { ...signalling, status }
}
