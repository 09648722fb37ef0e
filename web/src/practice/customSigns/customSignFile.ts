/**
 * @module Custom signs as a file: export to move them to another device or keep a backup, import
 * to bring them back. Landmarks only (never video), checked field by field on the way in, so a
 * damaged or foreign file is refused with the place it went wrong and nothing is written.
 */
import type { FrameObservation } from '../../../../shared/features/observation'
import { err, ok, type Result } from '../../../../shared/result'
import { array, literal, number, object, oneOf, string, type Infer } from '../../../../shared/schema'
import { PracticeError } from '../errors'
import type { CustomSignRecord } from './customSignTemplates'
import { TAKE_DEFAULTS } from './recordTake'

export const CUSTOM_SIGNS_FILE_KIND = 'silenttalk-custom-signs'
export const MAX_CUSTOM_SIGNS_FILE_BYTES = 20_000_000
export const MAX_NAME_CHARS = 60
export const MAX_TAKES = 12
/** A take is at most TAKE_DEFAULTS.maxMs long; at 60 fps that is 240 frames. */
const MAX_FRAMES = Math.ceil((TAKE_DEFAULTS.maxMs / 1000) * 60)

/** A landmark as [x, y, z]; x and y are fractions of the image, a little outside it when the hand is at the edge. */
const point = array(number({ min: -1, max: 2 }), { min: 3, max: 3 })

const frameSchema = object({
  t: number({ min: 0, max: TAKE_DEFAULTS.maxMs + 1_000 }),
  aspect: number({ min: 0.2, max: 5 }),
  hands: array(object({ handedness: oneOf(['Left', 'Right'] as const), score: number({ min: 0, max: 1 }), landmarks: array(point, { min: 21, max: 21 }) }), { max: 2 }),
})

const signSchema = object({
  name: string({ min: 1, max: MAX_NAME_CHARS }),
  createdAt: number({ min: 0 }),
  takes: array(array(frameSchema, { min: 2, max: MAX_FRAMES }), { min: 1, max: MAX_TAKES }),
})

export const customSignsFileSchema = object({
  kind: literal(CUSTOM_SIGNS_FILE_KIND),
  v: literal(1),
  exportedAt: number({ min: 0 }),
  signs: array(signSchema, { max: 500 }),
})
export type CustomSignsFile = Infer<typeof customSignsFileSchema>
export type ImportedSign = Pick<CustomSignRecord, 'name' | 'createdAt' | 'takes'>

const round = (v: number) => Math.round(v * 1e4) / 1e4

export function customSignsFile(records: readonly CustomSignRecord[], nowMs: number): CustomSignsFile {
  return {
    kind: CUSTOM_SIGNS_FILE_KIND,
    v: 1,
    exportedAt: nowMs,
    signs: records.map((r) => ({
      name: r.name,
      createdAt: r.createdAt,
      takes: r.takes.map((take) =>
        take.map((f) => ({
          t: Math.round(f.t),
          aspect: f.aspect,
          hands: f.hands.map((h) => ({ handedness: h.handedness, score: round(h.score), landmarks: h.landmarks.map((p) => [round(p.x), round(p.y), round(p.z)]) })),
        })),
      ),
    })),
  }
}

export function parseCustomSignsFile(text: string): Result<ImportedSign[], PracticeError> {
  if (text.length > MAX_CUSTOM_SIGNS_FILE_BYTES) return err(PracticeError.fileTooLarge(text.length, MAX_CUSTOM_SIGNS_FILE_BYTES))
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return err(PracticeError.fileInvalid('it is not JSON'))
  }
  if ((raw as { kind?: unknown })?.kind !== CUSTOM_SIGNS_FILE_KIND) return err(PracticeError.fileInvalid('it is not a SilentTalk custom signs export'))
  const r = customSignsFileSchema.parse(raw)
  if (!r.ok) return err(PracticeError.fileInvalid(`${r.error.path} ${r.error.message}`))
  const signs: ImportedSign[] = []
  for (const [i, s] of r.value.signs.entries()) {
    const takes: FrameObservation[][] = []
    for (const [k, take] of s.takes.entries()) {
      if (take.some((f, j) => j > 0 && f.t < take[j - 1]!.t)) return err(PracticeError.fileInvalid(`signs[${i}].takes[${k}] goes back in time`))
      takes.push(take.map((f) => ({ t: f.t, aspect: f.aspect, hands: f.hands.map((h) => ({ handedness: h.handedness, score: h.score, landmarks: h.landmarks.map(([x, y, z]) => ({ x: x!, y: y!, z: z! })) })) })))
    }
    signs.push({ name: s.name.trim() || `Sign ${i + 1}`, createdAt: s.createdAt, takes })
  }
  return ok(signs)
}

/** `name`, or `name (2)`, `name (3)`… when the user already has a sign called that. */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((n) => n.toLocaleLowerCase()))
  if (!lower.has(name.toLocaleLowerCase())) return name
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`
    if (!lower.has(candidate.toLocaleLowerCase())) return candidate
  }
}
