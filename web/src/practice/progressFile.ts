/**
 * @module Progress export and import: a JSON file checked field by field on the way in (shared
 * schema builders), so a damaged or foreign file is refused with the place it went wrong and
 * nothing is written. Merging keeps, per sign, whichever record is newer, so importing the same
 * backup twice changes nothing and an old backup never overwrites newer practice.
 */
import { err, ok, type Result } from '../../../shared/result'
import { array, literal, number, object, string, type Infer } from '../../../shared/schema'
import { PracticeError } from './errors'
import { RECENT_ATTEMPTS, type SignProgress } from './progress'

export const PROGRESS_FILE_KIND = 'silenttalk-practice-progress'
/** An export of every sign ever practised is a few hundred kB; anything far larger is not one. */
export const MAX_PROGRESS_FILE_BYTES = 5_000_000
const MAX_SIGNS = 20_000

const count = () => number({ min: 0, max: 1e9, int: true })

const signProgressSchema = object({
  key: string({ min: 3, max: 200, pattern: /^[a-z]+(-[a-z0-9]+)*:[^\s:][^:]*$/i }),
  attempts: count(),
  correct: count(),
  streak: count(),
  bestStreak: count(),
  recent: string({ max: RECENT_ATTEMPTS, pattern: /^[01]*$/ }),
  lastAttemptAt: number({ min: 0, max: 1e14 }),
})

export const progressFileSchema = object({
  kind: literal(PROGRESS_FILE_KIND),
  v: literal(1),
  exportedAt: number({ min: 0 }),
  signs: array(signProgressSchema, { max: MAX_SIGNS }),
})
export type ProgressFile = Infer<typeof progressFileSchema>

export function progressFile(signs: readonly SignProgress[], nowMs: number): ProgressFile {
  return { kind: PROGRESS_FILE_KIND, v: 1, exportedAt: nowMs, signs: [...signs] }
}

/** Reads an imported file's text; every failure names what is wrong. */
export function parseProgressFile(text: string): Result<SignProgress[], PracticeError> {
  if (text.length > MAX_PROGRESS_FILE_BYTES) return err(PracticeError.fileTooLarge(text.length, MAX_PROGRESS_FILE_BYTES))
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return err(PracticeError.fileInvalid('it is not JSON'))
  }
  if ((raw as { kind?: unknown })?.kind !== PROGRESS_FILE_KIND) return err(PracticeError.fileInvalid('it is not a SilentTalk practice progress export'))
  const r = progressFileSchema.parse(raw)
  if (!r.ok) return err(PracticeError.fileInvalid(`${r.error.path} ${r.error.message}`))
  const keys = new Set<string>()
  for (const [i, s] of r.value.signs.entries()) {
    const at = `signs[${i}]`
    if (keys.has(s.key)) return err(PracticeError.fileInvalid(`${at}.key ${s.key} appears twice`))
    keys.add(s.key)
    if (s.correct > s.attempts) return err(PracticeError.fileInvalid(`${at} has more right answers than attempts`))
    if (s.streak > s.bestStreak || s.bestStreak > s.correct) return err(PracticeError.fileInvalid(`${at} has streaks that do not add up`))
    if (s.recent.length > s.attempts) return err(PracticeError.fileInvalid(`${at} lists more recent attempts than attempts`))
  }
  return ok(r.value.signs)
}

/** The imported records that should replace what is stored: new signs, and newer records of known ones. */
export function mergeProgress(stored: ReadonlyMap<string, SignProgress>, incoming: readonly SignProgress[]): SignProgress[] {
  return incoming.filter((s) => {
    const have = stored.get(s.key)
    if (!have) return true
    return s.lastAttemptAt > have.lastAttemptAt || (s.lastAttemptAt === have.lastAttemptAt && s.attempts > have.attempts)
  })
}
