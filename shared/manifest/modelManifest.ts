/**
 * @module The model manifest: everything the recogniser needs to load and run a classifier, so
 * models are swapped by data, not code. Written by `models/` when a model is exported, read by the
 * web recogniser, which refuses a model built for another feature version.
 */
import { err, ok, type Result } from '../result'
import type { SignLanguage as ProfileSignLanguage } from '../protocol/api/profile'
import { array, number, object, oneOf, optional, string, type Infer, type SchemaIssue } from '../schema'

/**
 * Sign languages by their common short name, one for each a profile can name; only ASL data exists
 * so far (issue #4). `Another` stands for one not listed.
 */
export const SIGN_LANGUAGES = ['ASL', 'BSL', 'Auslan', 'NZSL', 'ISL (Irish)', 'LSF', 'DGS', 'LSE', 'LIS', 'Libras', 'LSM', 'ISL (Indian)', 'JSL', 'KSL', 'CSL', 'Another'] as const
export type SignLanguage = (typeof SIGN_LANGUAGES)[number]

/** Each one's ISO 639-3 code, the form a profile keeps (`shared/protocol/api/profile.ts`). */
const ISO_CODES: Record<SignLanguage, ProfileSignLanguage> = {
  ASL: 'ase',
  BSL: 'bfi',
  Auslan: 'asf',
  NZSL: 'nzs',
  'ISL (Irish)': 'isg',
  LSF: 'fsl',
  DGS: 'gsg',
  LSE: 'ssp',
  LIS: 'ise',
  Libras: 'bzs',
  LSM: 'mfs',
  'ISL (Indian)': 'ins',
  JSL: 'jsl',
  KSL: 'kvk',
  CSL: 'csl',
  Another: 'other',
}

/** The short name of a profile's sign language. */
export function modelLanguageOf(code: ProfileSignLanguage): SignLanguage {
  return SIGN_LANGUAGES.find((l) => ISO_CODES[l] === code) ?? 'Another'
}

export const modelManifestSchema = object({
  id: string({ min: 1, max: 64, pattern: /^[a-z0-9-]+$/ }),
  name: string({ min: 1, max: 120 }),
  language: oneOf(SIGN_LANGUAGES),
  kind: oneOf(['letter', 'word'] as const),
  labels: array(string({ min: 1, max: 64 }), { min: 2, max: 1_000 }),
  /** The label that means "no sign": the classifier saw a hand but nothing to caption. */
  noSign: optional(string({ min: 1, max: 64 })),
  featureVersion: number({ min: 1, int: true }),
  /** The ONNX input shape with a batch of 1, e.g. `[1, 80]` or `[1, 16, 170]`. */
  inputShape: array(number({ min: 1, int: true }), { min: 2, max: 4 }),
  inputName: string({ min: 1, max: 64 }),
  outputName: string({ min: 1, max: 64 }),
  files: array(
    object({
      path: string({ min: 1, max: 200, pattern: /^[A-Za-z0-9._-]+$/ }),
      bytes: number({ min: 1, int: true }),
      sha256: string({ min: 64, max: 64, pattern: /^[0-9a-f]+$/ }),
    }),
    { min: 1, max: 8 },
  ),
})
export type ModelManifest = Infer<typeof modelManifestSchema>

export type ManifestError = { reason: 'invalid' | 'feature-version'; message: string }

export function parseModelManifest(raw: unknown, featureVersion: number): Result<ModelManifest, ManifestError> {
  const r = modelManifestSchema.parse(raw)
  if (!r.ok) return err({ reason: 'invalid', message: describe(r.error) })
  const m = r.value
  if (m.featureVersion !== featureVersion) {
    return err({ reason: 'feature-version', message: `model ${m.id} needs features v${m.featureVersion}; this build computes v${featureVersion}` })
  }
  if (m.noSign !== undefined && !m.labels.includes(m.noSign)) {
    return err({ reason: 'invalid', message: `noSign label ${m.noSign} is not among the labels` })
  }
  return ok(m)
}

const describe = (i: SchemaIssue) => `${i.path} ${i.message}`
