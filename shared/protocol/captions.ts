/**
 * @module A caption event: what the recogniser (or a typist) produced, sent to every peer. It
 * carries `v` because two peers may be running different cached builds of the app.
 */
import { err, type Result } from '../result'
import { boolean, literal, number, object, oneOf, string, tagged, type Infer } from '../schema'

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

/**
 * What travels on a peer's `captions` data channel (issue #5). The room socket's `caption` frame is
 * the fallback while a channel is not open; it carries only events, so `hands` is channel-only.
 */
export const captionChannelMessageSchema = tagged('type', {
  caption: object({ event: captionEventSchema }),
  /** The signer's hands came into view or left it: viewers may spotlight whoever is signing. */
  hands: object({ v: literal(CAPTION_VERSION), up: boolean() }),
})
export type CaptionChannelMessage = Infer<typeof captionChannelMessageSchema>

/** A caption message is a few hundred bytes; anything near this is not one of ours. */
export const MAX_CAPTION_MESSAGE_BYTES = 4_096

export type CaptionMessageError = { code: 'too-large' | 'bad-message'; message: string }

/** Checks size before parsing, like the room does with socket frames: a peer is no more trusted than a socket. */
export function parseCaptionChannelMessage(raw: unknown): Result<CaptionChannelMessage, CaptionMessageError> {
  if (typeof raw !== 'string') return err({ code: 'bad-message', message: 'caption messages are JSON text' })
  // Each UTF-16 unit is at most 3 UTF-8 bytes: only strings that might be too long are measured.
  if (raw.length * 3 > MAX_CAPTION_MESSAGE_BYTES) {
    const bytes = new TextEncoder().encode(raw).byteLength
    if (bytes > MAX_CAPTION_MESSAGE_BYTES) return err({ code: 'too-large', message: `message is ${bytes} bytes; the limit is ${MAX_CAPTION_MESSAGE_BYTES}` })
  }
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return err({ code: 'bad-message', message: 'message is not valid JSON' })
  }
  const r = captionChannelMessageSchema.parse(value)
  return r.ok ? r : err({ code: 'bad-message', message: `${r.error.path} ${r.error.message}` })
}
