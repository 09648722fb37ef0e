/**
 * @module Polls each peer's connection with `getStats` and grades it (see gradeQuality.ts). Two
 * seconds between samples: short enough to show a drop while it matters, long enough that the loss
 * and fps over the interval mean something.
 */
import { onCleanup, type Accessor } from 'solid-js'
import { createStore, reconcile } from 'solid-js/store'
import { gradeQuality, type Quality, type StatsCounters } from './gradeQuality'
import type { PeerMesh } from './makePeerMesh'

export const QUALITY_INTERVAL_MS = 2_000

export function createNetworkQuality(mesh: Accessor<PeerMesh | null>, videoExpected: (peerId: string) => boolean) {
  const [quality, setQuality] = createStore<Record<string, Quality>>({})
  const previous = new Map<string, StatsCounters>()
  let busy = false

  async function sample() {
    const m = mesh()
    if (!m || busy) return
    busy = true
    try {
      const ids = m.peerIds()
      const next: Record<string, Quality> = {}
      await Promise.all(
        ids.map(async (id) => {
          const counters = await m.stats(id).catch(() => null)
          if (!counters) return
          next[id] = gradeQuality(previous.get(id) ?? null, counters, videoExpected(id))
          previous.set(id, counters)
        }),
      )
      for (const id of [...previous.keys()]) if (!ids.includes(id)) previous.delete(id)
      setQuality(reconcile(next))
    } finally {
      busy = false
    }
  }

  const timer = setInterval(() => void sample(), QUALITY_INTERVAL_MS)
  onCleanup(() => clearInterval(timer))
  return quality
}
