/**
 * @module A caption event: what the recogniser (or a typist) produced, sent to every peer. It
 * carries `v` because two peers may be running different cached builds of the app.
 */
import { boolean, literal, number, object, oneOf, string, type Infer } from '../schema'

export const CAPTION_VERSION = 1
export const MAX_CAPTION_CHARS = 500

export const captionEventSchema = object({
  v: literal(CAPTION_VERSION),
  /** Stable across the interim updates of one caption; a final replaces the interims with its id. */
  id: string({ min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ }),
  text: string({ max: MAX_CAPTION_CHARS }),
  /** `letter` and `word` come from recognition; `typed` from a participant's keyboard. */
  kind: oneOf(['letter', 'word', 'typed'] as const),
  confidence: number({ min: 0, max: 1 }),
  /** Milliseconds since the epoch on the sender's clock. */
  tStart: number({ min: 0 }),
  tEnd: number({ min: 0 }),
  final: boolean(),
})
export type CaptionEvent = Infer<typeof captionEventSchema>
