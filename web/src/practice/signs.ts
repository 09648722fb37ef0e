/**
 * @module What can be practised: the signs the build's models recognise (from their manifests'
 * labels) and the user's own signs, each under a stable key that progress is stored by.
 */

export type SignKind = 'letter' | 'word' | 'custom'

export type PracticeSign = {
  /** `asl-letters:A`, `asl-words:thank-you`, `custom:<id>`: progress is kept by this. */
  key: string
  kind: SignKind
  /** The model label (`thank-you`) or, for a custom sign, its id. */
  label: string
  /** What the user reads: `A`, `thank you`, or the custom sign's name. */
  name: string
}

export type ModelLabels = { id: string; kind: 'letter' | 'word'; labels: readonly string[]; noSign?: string | undefined }

export const signKey = (source: string, label: string) => `${source}:${label}`

/** Model labels are identifiers (`thank-you`, `I-love-you`); captions and prompts show words. */
export const displayLabel = (label: string) => label.replace(/[_-]+/g, ' ')

/** Every sign a set of models recognises, letters first, without the "no sign" label. */
export function signsOfModels(models: readonly ModelLabels[]): PracticeSign[] {
  const order = (k: 'letter' | 'word') => (k === 'letter' ? 0 : 1)
  return [...models]
    .sort((a, b) => order(a.kind) - order(b.kind))
    .flatMap((m) => m.labels.filter((l) => l !== m.noSign).map((label) => ({ key: signKey(m.id, label), kind: m.kind, label, name: displayLabel(label) })))
}

export const customSign = (id: string, name: string): PracticeSign => ({ key: signKey('custom', id), kind: 'custom', label: id, name })
