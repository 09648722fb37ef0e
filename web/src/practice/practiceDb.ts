/**
 * @module The device's practice database (IndexedDB through `idb`): progress per sign and the
 * user's custom signs. Nothing here leaves the device except through an export the user makes.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import type { CustomSignRecord } from './customSigns/customSignTemplates'
import { storageError } from './errors'
import type { SignProgress } from './progress'

export const PRACTICE_DB = 'silenttalk-practice'
const VERSION = 1

export interface PracticeSchema extends DBSchema {
  progress: { key: string; value: SignProgress }
  customSigns: { key: string; value: CustomSignRecord; indexes: { byName: string } }
}

export type PracticeDb = IDBPDatabase<PracticeSchema>

/** Opens (and on first use creates) the database; a failure is a PracticeError with its reason. */
export async function openPracticeDb(): Promise<PracticeDb> {
  try {
    return await openDB<PracticeSchema>(PRACTICE_DB, VERSION, {
      upgrade(db) {
        db.createObjectStore('progress', { keyPath: 'key' })
        db.createObjectStore('customSigns', { keyPath: 'id' }).createIndex('byName', 'name')
      },
      // A tab running a newer build wants to upgrade: let it, rather than block it.
      blocking(_current, _next, event) {
        ;(event.target as IDBDatabase).close()
      },
    })
  } catch (e) {
    throw storageError(e)
  }
}

/**
 * One connection for a page, opened on first use and closed with `close`; a failed open is tried
 * again on the next use (e.g. after the user frees storage).
 */
export function makePracticeDbConnection() {
  let opening: Promise<PracticeDb> | null = null
  const db = () => {
    opening ??= openPracticeDb()
    opening.catch(() => (opening = null))
    return opening
  }
  const close = () => {
    void opening?.then((d) => d.close()).catch(() => {})
    opening = null
  }
  return { db, close }
}
