/**
 * @module The user's custom signs on the device: save, rename, delete, export, import. Every
 * change is announced on a BroadcastChannel, so a matcher running elsewhere (another tab, a call)
 * reloads the signs it recognises.
 */
import { PracticeError, storageError } from '../errors'
import { loadReferenceSigns } from '../glossary/loadReferenceSigns'
import type { PracticeDb } from '../practiceDb'
import { customSignsFile, MAX_NAME_CHARS, parseCustomSignsFile, uniqueName } from './customSignFile'
import { customSignTemplates, takeSequence, type CalibratedTemplate, type CustomSignRecord } from './customSignTemplates'

/** Posted (with no payload) after any change to the stored custom signs. */
export const CUSTOM_SIGNS_CHANNEL = 'silenttalk-custom-signs'

export type CustomSignStore = {
  list(): Promise<CustomSignRecord[]>
  /** Saves a new sign from its takes; the name is made unique. Returns the stored record. */
  add(name: string, takes: CustomSignRecord['takes']): Promise<CustomSignRecord>
  rename(id: string, name: string): Promise<void>
  remove(id: string): Promise<void>
  exportText(ids?: readonly string[], nowMs?: number): Promise<string>
  /** Validates the whole file first; nothing is stored unless all of it is good. Returns the names added. */
  importText(text: string): Promise<string[]>
  /** Every stored sign with its calibrated threshold, ready for `makeCustomSignMatcher`. */
  templates(): Promise<CalibratedTemplate[]>
}

export function cleanName(raw: string): string {
  const name = raw.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_CHARS)
  if (!name) throw PracticeError.fileInvalid('a sign needs a name')
  return name
}

const newId = () => crypto.randomUUID()

export function makeCustomSignStore(db: () => Promise<PracticeDb>): CustomSignStore {
  const announce = () => {
    const channel = new BroadcastChannel(CUSTOM_SIGNS_CHANNEL)
    channel.postMessage('changed')
    channel.close()
  }

  async function write(records: readonly CustomSignRecord[]) {
    const d = await db()
    const tx = d.transaction('customSigns', 'readwrite')
    try {
      await Promise.all([...records.map((r) => tx.store.put(r)), tx.done])
    } catch (e) {
      throw storageError(e)
    }
    announce()
  }

  const list = async () => (await (await db()).getAll('customSigns')).sort((a, b) => a.createdAt - b.createdAt)
  const takenNames = async (except?: string) => new Set((await list()).filter((r) => r.id !== except).map((r) => r.name))

  return {
    list,

    async add(name, takes) {
      const now = Date.now()
      const record: CustomSignRecord = { id: newId(), name: uniqueName(cleanName(name), await takenNames()), createdAt: now, updatedAt: now, takes }
      await write([record])
      return record
    },

    async rename(id, name) {
      const record = await (await db()).get('customSigns', id)
      if (!record) return
      await write([{ ...record, name: uniqueName(cleanName(name), await takenNames(id)), updatedAt: Date.now() }])
    },

    async remove(id) {
      try {
        await (await db()).delete('customSigns', id)
      } catch (e) {
        throw storageError(e)
      }
      announce()
    },

    async exportText(ids, nowMs = Date.now()) {
      const all = await list()
      return JSON.stringify(customSignsFile(ids ? all.filter((r) => ids.includes(r.id)) : all, nowMs))
    },

    async importText(text) {
      const parsed = parseCustomSignsFile(text)
      if (!parsed.ok) throw parsed.error
      const taken = await takenNames()
      const now = Date.now()
      const records = parsed.value.map((s) => {
        const name = uniqueName(s.name, taken)
        taken.add(name)
        return { id: newId(), name, createdAt: s.createdAt, updatedAt: now, takes: s.takes }
      })
      await write(records)
      return records.map((r) => r.name)
    },

    async templates() {
      // Without the reference signs (not loaded yet offline) thresholds rest on the takes alone.
      const [records, references] = await Promise.all([list(), loadReferenceSigns().catch(() => null)])
      const known = references ? [...references.values()].map((r) => takeSequence(r.frames).sequence) : []
      return customSignTemplates(records, known)
    },
  }
}
