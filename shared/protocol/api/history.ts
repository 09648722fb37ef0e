/**
 * @module `/api/calls/:id/*` and `/api/history`: signed-in users record joining and leaving a call
 * and the chat they send, and list and search the calls they took part in.
 */
import { array, nullable, number, object, oneOf, optional, string, type Infer } from '../../schema'
import { ID_PATTERN } from '../ids'
import { chatTextSchema, MAX_CHAT_CHARS } from '../signalling'
import { SEARCH_TEXT_PATTERN } from './contacts'
import { displayNameSchema, userCardSchema } from './profile'
import { RING_END_REASONS } from './presence'

export const HISTORY_PAGE_SIZE = 30
export const MAX_HISTORY_QUERY_CHARS = 100

const id = string({ min: 22, max: 22, pattern: ID_PATTERN })
const ms = number({ min: 0, int: true })

export const joinCallRequestSchema = object({ displayName: displayNameSchema })
export const callMessageRequestSchema = object({ text: chatTextSchema })

export const participantSchema = object({
  user: userCardSchema,
  /** The name shown in the call at the time. */
  displayName: displayNameSchema,
  role: oneOf(['caller', 'callee', 'member'] as const),
  joinedAtMs: nullable(ms),
  leftAtMs: nullable(ms),
})
export type Participant = Infer<typeof participantSchema>

export const callSummarySchema = object({
  id,
  kind: oneOf(['direct', 'link'] as const),
  /** Direct calls: whether I rang or was rung. */
  direction: nullable(oneOf(['outgoing', 'incoming'] as const)),
  ringState: nullable(oneOf(['ringing', ...RING_END_REASONS] as const)),
  createdAtMs: ms,
  startedAtMs: nullable(ms),
  endedAtMs: nullable(ms),
  /** Whole seconds from the first signed-in join to the last leave; null while live or never joined. */
  durationS: nullable(number({ min: 0, int: true })),
  participants: array(participantSchema, { max: 64 }),
})
export type CallSummary = Infer<typeof callSummarySchema>

/**
 * Where a page ends: `<createdAtMs>.<callId>` of its last call. The id breaks ties, so two calls
 * created in the same millisecond are neither skipped nor repeated across pages.
 */
const cursor = string({ max: 40, pattern: /^\d{1,16}\.[A-Za-z0-9_-]{22}$/ })

export const historyQuerySchema = object({
  q: optional(string({ min: 1, max: MAX_HISTORY_QUERY_CHARS, pattern: SEARCH_TEXT_PATTERN })),
  /** List the calls after this cursor (`nextBefore` of the previous page). */
  before: optional(cursor),
})

export const historyPageSchema = object({
  calls: array(callSummarySchema, { max: HISTORY_PAGE_SIZE }),
  /** Pass as `before` for the next page; null on the last page. */
  nextBefore: nullable(cursor),
})
export type HistoryPage = Infer<typeof historyPageSchema>

export const storedMessageSchema = object({
  id,
  userId: nullable(id),
  displayName: displayNameSchema,
  text: string({ min: 1, max: MAX_CHAT_CHARS }),
  sentAtMs: ms,
})
export type StoredMessage = Infer<typeof storedMessageSchema>

export const callDetailSchema = object({
  call: callSummarySchema,
  messages: array(storedMessageSchema, { max: 10_000 }),
})
export type CallDetail = Infer<typeof callDetailSchema>
