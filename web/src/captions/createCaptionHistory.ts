/**
 * @module Keeps the call's final captions on this device as they happen (batched, so a crash or a
 * closed tab loses at most a second), and the corrections people make. Nothing goes to the server.
 */
import { createSignal, onCleanup } from 'solid-js'
import type { CaptionEntry } from './captionLog'
import { openCaptionStore, type CaptionStore, type Correction } from './captionStore'
import type { CaptionFeed } from './createCaptionFeed'
import { CaptionError } from './errors'

const FLUSH_EVERY_MS = 1_000

export function createCaptionHistory(opts: { callId: string; startedAtMs: number; feed: CaptionFeed }) {
  const [error, setError] = createSignal<CaptionError | null>(null)
  const fail = (e: unknown) => setError(e instanceof CaptionError ? e : CaptionError.history(e))
  const store: Promise<CaptionStore | null> = openCaptionStore().catch((e) => {
    fail(e)
    return null
  })
  const pending = new Map<string, CaptionEntry>()
  let timer: ReturnType<typeof setTimeout> | undefined

  async function flush() {
    clearTimeout(timer)
    timer = undefined
    const s = await store
    if (!s || pending.size === 0) return
    const batch = [...pending.values()]
    pending.clear()
    await s.save(opts.callId, opts.startedAtMs, batch).catch(fail)
  }
  const keep = (entry: CaptionEntry) => {
    pending.set(entry.key, entry)
    timer ??= setTimeout(() => void flush(), FLUSH_EVERY_MS)
  }

  opts.feed.listen((u) => {
    if (u.entry.event.final && u.change !== 'withdrawn') keep(u.entry)
  })
  onCleanup(() => {
    void flush().then(async () => (await store)?.close())
  })

  return {
    error,
    /** Stores a correction, and the corrected caption with it. */
    async addCorrection(entry: CaptionEntry, correction: Omit<Correction, 'callId'>) {
      keep(entry)
      const s = await store
      if (!s) return
      await s.addCorrection({ ...correction, callId: opts.callId }).catch(fail)
      await flush()
    },
  }
}
