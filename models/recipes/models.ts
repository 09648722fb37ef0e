/** @module The models this folder builds, by the name `npm run train -- <model>` takes. */
import type { ModelIdentity } from '../export/writeModel'
import { LETTER_LABELS } from './letters'
import { NO_SIGN, WORD_LABELS } from './words'

export const MODELS = {
  letters: {
    id: 'asl-letters',
    name: 'ASL fingerspelling A–Z (static handshapes)',
    language: 'ASL',
    kind: 'letter',
    labels: LETTER_LABELS,
  },
  words: {
    id: 'asl-words',
    name: 'ASL signs: hello, thank you, I love you, please, yes, no',
    language: 'ASL',
    kind: 'word',
    labels: WORD_LABELS,
    noSign: NO_SIGN,
  },
} satisfies Record<string, ModelIdentity>

export type ModelName = keyof typeof MODELS

export function modelName(arg: string | undefined): ModelName {
  if (arg === 'letters' || arg === 'words') return arg
  throw new Error(`unknown model ${JSON.stringify(arg)}: expected one of ${Object.keys(MODELS).join(', ')}`)
}
