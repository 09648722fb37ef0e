/**
 * @module The presence socket (`/api/presence/socket`) and direct calls (`/api/ring`). Each signed-in
 * app holds one socket to its user's hub; the hub pushes contacts' presence, incoming rings and
 * answers. Frames are JSON text; `ping`/`pong` are heartbeats answered without waking the hub.
 */
import { err, type Result } from '../../result'
import { boolean, number, object, oneOf, string, tagged, type Infer } from '../../schema'
import { ID_PATTERN } from '../ids'
import { profileSchema, userCardSchema } from './profile'

export const PRESENCE_PING = 'ping'
export const PRESENCE_PONG = 'pong'
export const PRESENCE_PING_INTERVAL_MS = 15_000
/** A socket silent this long (no ping answered) is closed: its app is gone. */
export const PRESENCE_TIMEOUT_MS = 45_000
/** How long a direct call rings before it counts as missed. */
export const RING_TIMEOUT_MS = 30_000
export const MAX_PRESENCE_FRAME_BYTES = 4_096

const id = string({ min: 22, max: 22, pattern: ID_PATTERN })

export const presenceStatusSchema = oneOf(['online', 'in-call', 'offline'] as const)
export type PresenceStatus = Infer<typeof presenceStatusSchema>

/** `POST /api/presence/ticket`: a short-lived, single-purpose token to open the socket with. */
export const presenceTicketSchema = object({ ticket: string({ min: 1, max: 2_048 }), expiresAtMs: number({ min: 0, int: true }) })
export type PresenceTicket = Infer<typeof presenceTicketSchema>

export const ringRequestSchema = object({ calleeId: id })
export type RingRequest = Infer<typeof ringRequestSchema>
export const ringResponseSchema = object({
  callId: id,
  ringExpiresAtMs: number({ min: 0, int: true }),
  /** False when the callee has no app open: the call is recorded as missed straight away. */
  delivered: boolean(),
})
export type RingResponse = Infer<typeof ringResponseSchema>
export const answerRequestSchema = object({ accept: boolean() })

export const RING_END_REASONS = ['accepted', 'declined', 'missed', 'cancelled'] as const
export const ringEndReasonSchema = oneOf(RING_END_REASONS)
export type RingEndReason = Infer<typeof ringEndReasonSchema>

export const hubMessageSchema = tagged('type', {
  /** A contact's presence changed. */
  presence: object({ userId: id, status: presenceStatusSchema }),
  /** Someone is calling: show it visibly until `ring-ended`. */
  ring: object({ callId: id, from: userCardSchema, expiresAtMs: number({ min: 0, int: true }) }),
  /** The ring stopped (answered here or on another device, cancelled, or timed out). */
  'ring-ended': object({ callId: id, reason: ringEndReasonSchema }),
  /** To the caller: how the callee answered. `accepted` means open `/call/<callId>`. */
  'call-answered': object({ callId: id, reason: ringEndReasonSchema }),
  /** Someone asked, accepted, removed or blocked: reload the list. */
  'contacts-changed': object({}),
  /** The profile changed on another device (caption preferences follow the user). */
  profile: object({ profile: profileSchema }),
  /** The account was deleted or signed out everywhere; the socket closes after this. */
  'signed-out': object({}),
  /** The app sent something other than a heartbeat: the hub takes no other frames. */
  error: object({ message: string({ max: 500 }) }),
})
export type HubMessage = Infer<typeof hubMessageSchema>

export function parseHubMessage(raw: string): Result<HubMessage, string> {
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return err('frame is not valid JSON')
  }
  const r = hubMessageSchema.parse(value)
  return r.ok ? r : err(`${r.error.path} ${r.error.message}`)
}
