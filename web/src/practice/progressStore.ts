/**
 * @module Progress per sign on the device. Attempts that could not be written (a full disk) are
 * kept in memory and written with the next attempt, so a storage error loses nothing while the
 * page is open; the error is thrown for the view to show.
 */
import { storageError } from './errors'
import type { PracticeDb } from './practiceDb'
import { recordAttempt, type SignProgress } from './progress'
import { mergeProgress, parseProgressFile, progressFile } from './progressFile'

export type ProgressStore = {
  all(): Promise<Map<string, SignProgress>>
  /** Records attempts and returns their new progress. */
  record(attempts: readonly { key: string; correct: boolean }[], atMs?: number): Promise<SignProgress[]>
  exportText(nowMs?: number): Promise<string>
  /** Validates, then merges; a bad file changes nothing. Returns how many signs were updated. */
  importText(text: string): Promise<number>
}

export function makeProgressStore(db: () => Promise<PracticeDb>): ProgressStore {
  /** Written in memory, not yet on disk. */
  const unsaved = new Map<string, SignProgress>()

  async function stored(): Promise<Map<string, SignProgress>> {
    const rows = await (await db()).getAll('progress')
    const map = new Map(rows.map((r) => [r.key, r]))
    for (const [k, v] of unsaved) map.set(k, v)
    return map
  }

  async function write(records: readonly SignProgress[]) {
    const d = await db()
    const tx = d.transaction('progress', 'readwrite')
    try {
      await Promise.all([...records.map((r) => tx.store.put(r)), tx.done])
    } catch (e) {
      throw storageError(e)
    }
  }

  return {
    all: stored,

    async record(attempts, atMs = Date.now()) {
      const current = await stored()
      const updated = new Map<string, SignProgress>()
      for (const a of attempts) updated.set(a.key, recordAttempt(updated.get(a.key) ?? current.get(a.key), a.key, a.correct, atMs))
      for (const [k, v] of updated) unsaved.set(k, v)
      await write([...unsaved.values()])
      unsaved.clear()
      return [...updated.values()]
    },

    async exportText(nowMs = Date.now()) {
      return JSON.stringify(progressFile([...(await stored()).values()], nowMs), null, 1)
    },

    async importText(text) {
      const parsed = parseProgressFile(text)
      if (!parsed.ok) throw parsed.error
      const changes = mergeProgress(await stored(), parsed.value)
      await write(changes)
      for (const c of changes) unsaved.delete(c.key)
      return changes.length
    },
  }
}
