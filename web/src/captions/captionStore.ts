/**
 * @module The caption history on this device (IndexedDB via idb): each call's final captions, by
 * call id, kept after the call and listable later, and the corrections people made. Nothing here
 * goes to the server. Corrections of one's own signs keep the hand landmarks behind the caption
 * (never video), for personal improvement of recognition later.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import type { FrameObservation } from '../../../shared/features/observation'
import type { CaptionEntry } from './captionLog'
import { CaptionError } from './errors'

export type CallRecord = {
  callId: string
  /** When this device first captioned in the call (epoch ms): time zero of its exports. */
  startedAtMs: number
  lastAtMs: number
  /** Everyone who captioned, for the list of past calls. */
  names: string[]
  entryCount: number
}

export type StoredEntry = CaptionEntry & { callId: string }

export type Correction = {
  id?: number
  callId: string
  captionKey: string
  kind: CaptionEntry['event']['kind']
  /** What the caption said, and what was meant. */
  shown: string
  meant: string
  tStart: number
  tEnd: number
  atMs: number
  /**
   * The signer's own caption: the recogniser's frames over the caption's span. Null for a
   * correction of someone else's caption (their landmarks never leave their device) or when the
   * frames had already been let go.
   */
  landmarks: FrameObservation[] | null
}

interface CaptionDb extends DBSchema {
  calls: { key: string; value: CallRecord; indexes: { byLast: number } }
  entries: { key: [string, string]; value: StoredEntry; indexes: { byCall: string } }
  corrections: { key: number; value: Correction; indexes: { byCall: string } }
}

export const CAPTION_DB = 'silenttalk-captions'

export type CaptionStore = {
  /** Adds or replaces finals of `callId` and updates its record, in one transaction. */
  save(callId: string, startedAtMs: number, finals: readonly CaptionEntry[]): Promise<void>
  /** Past calls, the most recent first. */
  listCalls(): Promise<CallRecord[]>
  loadCall(callId: string): Promise<{ call: CallRecord; entries: CaptionEntry[] } | null>
  deleteCall(callId: string): Promise<void>
  addCorrection(c: Correction): Promise<number>
  corrections(callId: string): Promise<Correction[]>
  close(): void
}

export async function openCaptionStore(name = CAPTION_DB): Promise<CaptionStore> {
  let db: IDBPDatabase<CaptionDb>
  try {
    db = await openDB<CaptionDb>(name, 1, {
      upgrade(d) {
        d.createObjectStore('calls', { keyPath: 'callId' }).createIndex('byLast', 'lastAtMs')
        d.createObjectStore('entries', { keyPath: ['callId', 'key'] }).createIndex('byCall', 'callId')
        d.createObjectStore('corrections', { keyPath: 'id', autoIncrement: true }).createIndex('byCall', 'callId')
      },
    })
  } catch (e) {
    throw CaptionError.history(e)
  }
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work()
    } catch (e) {
      throw CaptionError.history(e)
    }
  }

  return {
    save: (callId, startedAtMs, finals) =>
      guard(async () => {
        if (finals.length === 0) return
        const tx = db.transaction(['calls', 'entries'], 'readwrite')
        const entries = tx.objectStore('entries')
        const calls = tx.objectStore('calls')
        const held = await calls.get(callId)
        const added = (await Promise.all(finals.map(async (e) => ((await entries.getKey([callId, e.key])) === undefined ? 1 : 0)))).reduce<number>((a, b) => a + b, 0)
        for (const e of finals) await entries.put({ ...e, callId })
        const names = new Set(held?.names ?? [])
        for (const e of finals) names.add(e.name)
        await calls.put({
          callId,
          startedAtMs: Math.min(held?.startedAtMs ?? startedAtMs, startedAtMs),
          lastAtMs: Math.max(held?.lastAtMs ?? 0, ...finals.map((e) => e.atMs)),
          names: [...names],
          entryCount: (held?.entryCount ?? 0) + added,
        })
        await tx.done
      }),
    listCalls: () => guard(async () => (await db.getAllFromIndex('calls', 'byLast')).reverse()),
    loadCall: (callId) =>
      guard(async () => {
        const call = await db.get('calls', callId)
        if (!call) return null
        const stored = await db.getAllFromIndex('entries', 'byCall', callId)
        const entries = stored.map(({ callId: _, ...e }) => e).sort((a, b) => a.event.tStart - b.event.tStart || a.firstAtMs - b.firstAtMs)
        return { call, entries }
      }),
    deleteCall: (callId) =>
      guard(async () => {
        const tx = db.transaction(['calls', 'entries', 'corrections'], 'readwrite')
        await tx.objectStore('calls').delete(callId)
        for (const store of ['entries', 'corrections'] as const) {
          let cursor = await tx.objectStore(store).index('byCall').openCursor(callId)
          while (cursor) {
            await cursor.delete()
            cursor = await cursor.continue()
          }
        }
        await tx.done
      }),
    addCorrection: (c) => guard(async () => db.add('corrections', c)),
    corrections: (callId) => guard(async () => db.getAllFromIndex('corrections', 'byCall', callId)),
    close: () => db.close(),
  }
}
