/**
 * @module The room socket's wire format, declared once for the Room Durable Object and the web
 * signalling client. Frames are JSON text; the literal strings `ping`/`pong` are heartbeats answered
 * by the runtime without waking the room (setWebSocketAutoResponse).
 */
import { err, type Result } from '../result'
import {
  array,
  boolean,
  nullable,
  number,
  object,
  oneOf,
  optional,
  string,
  tagged,
  type Infer,
  type SchemaIssue,
} from '../schema'
import { captionEventSchema } from './captions'
import { SOCKET_ERROR_CODES, type SocketErrorCode } from './errors'
import { ID_PATTERN } from './ids'

/** Issue #2: anything larger is refused before it is parsed. */
export const MAX_FRAME_BYTES = 65_536
export const HEARTBEAT_PING = 'ping'
export const HEARTBEAT_PONG = 'pong'
export const HEARTBEAT_INTERVAL_MS = 5_000
/**
 * Why the room closed a socket. 4000–4999 are the application's own (RFC 6455 §7.4.2). After
 * `replaced` or `roomFull` a client should not reconnect on its own; after any other code it
 * reconnects with backoff and sends `join` with `resume`, which gets its own peer back while the
 * room still holds its place and a new peer id once it does not.
 */
export const ROOM_CLOSE_CODES = {
  /** The peer sent `leave`. */
  left: 1000,
  /** Another socket resumed this peer (the same person reconnected). */
  replaced: 4001,
  /** Nothing arrived, not even a heartbeat, for the room's peer timeout. */
  timeout: 4002,
  /** The room had its capacity of peers; an error frame `room-full` came first. */
  roomFull: 4003,
  /** The socket kept sending past its rate limit after `rate-limited` error frames. */
  flooding: 4008,
} as const
export type RoomCloseCode = (typeof ROOM_CLOSE_CODES)[keyof typeof ROOM_CLOSE_CODES]
export const MAX_NAME_CHARS = 64
export const MAX_CHAT_CHARS = 2_000
/**
 * A chat message says something visible; line breaks and tabs are fine, other control characters
 * and bidirectional overrides (which could reverse what it shows) are refused, as in names.
 */
export const chatTextSchema = string({ min: 1, max: MAX_CHAT_CHARS, pattern: /^(?=[\s\S]*\S)[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]+$/u })
const MAX_SDP_CHARS = 60_000

const id = string({ min: 22, max: 22, pattern: ID_PATTERN })
const name = string({ min: 1, max: MAX_NAME_CHARS })
/** A signed-in participant's picture (issue #7): only ever one of this origin's avatar URLs. */
const avatarUrl = optional(string({ max: 80, pattern: /^\/api\/avatars\/[A-Za-z0-9_-]{22}\/[A-Za-z0-9_-]{22}$/ }))

export const mediaStateSchema = object({
  audio: boolean(),
  video: boolean(),
  /** The peer's recogniser is on (issue #5): viewers may spotlight them. */
  captions: boolean(),
})
export type MediaState = Infer<typeof mediaStateSchema>

/** What the perfect-negotiation pattern exchanges between two peers. */
export const signalDataSchema = tagged('kind', {
  description: object({
    description: object({ type: oneOf(['offer', 'answer', 'pranswer', 'rollback'] as const), sdp: optional(string({ max: MAX_SDP_CHARS })) }),
  }),
  candidate: object({
    candidate: nullable(
      object({
        candidate: string({ max: 1_024 }),
        sdpMid: optional(nullable(string({ max: 64 }))),
        sdpMLineIndex: optional(nullable(number({ min: 0, max: 1_024, int: true }))),
        usernameFragment: optional(nullable(string({ max: 256 }))),
      }),
    ),
  }),
})
export type SignalData = Infer<typeof signalDataSchema>

export const clientMessageSchema = tagged('type', {
  /** First frame on a socket. `resume` rejoins as the same peer after a dropped socket. */
  join: object({
    name,
    state: mediaStateSchema,
    avatarUrl,
    resume: optional(object({ peerId: id, token: string({ min: 22, max: 22, pattern: ID_PATTERN }) })),
  }),
  /** Relayed to the one peer `to`, never broadcast. */
  signal: object({ to: id, data: signalDataSchema }),
  chat: object({ text: chatTextSchema }),
  state: object({ state: mediaStateSchema }),
  /** Fallback path for captions while a peer's data channel is not open (issue #5). */
  caption: object({ to: optional(id), event: captionEventSchema }),
  leave: object({}),
})
export type ClientMessage = Infer<typeof clientMessageSchema>

export const peerSchema = object({ id, name, joinedAt: number({ min: 0 }), state: mediaStateSchema, avatarUrl })
export type Peer = Infer<typeof peerSchema>

export const chatMessageSchema = object({
  id,
  from: id,
  name,
  text: string({ min: 1, max: MAX_CHAT_CHARS }),
  at: number({ min: 0 }),
})
export type ChatMessage = Infer<typeof chatMessageSchema>

export const serverMessageSchema = tagged('type', {
  /** Reply to `join`: who you are, who is here, and the chat so far. */
  welcome: object({
    peerId: id,
    resumeToken: id,
    peers: array(peerSchema, { max: 64 }),
    chat: array(chatMessageSchema, { max: 1_000 }),
  }),
  'peer-joined': object({ peer: peerSchema }),
  'peer-left': object({ peerId: id, reason: oneOf(['left', 'timeout', 'replaced'] as const) }),
  signal: object({ from: id, data: signalDataSchema }),
  chat: object({ message: chatMessageSchema }),
  state: object({ peerId: id, state: mediaStateSchema }),
  caption: object({ from: id, event: captionEventSchema }),
  error: object({ code: oneOf(SOCKET_ERROR_CODES), message: string({ max: 500 }) }),
})
export type ServerMessage = Infer<typeof serverMessageSchema>

export type ProtocolError = { code: Extract<SocketErrorCode, 'bad-message' | 'unknown-type' | 'too-large'>; message: string }

function parseFrame<T>(
  raw: string | ArrayBuffer,
  schema: { parse(v: unknown): Result<T, SchemaIssue> },
): Result<T, ProtocolError> {
  const size = typeof raw === 'string' ? new TextEncoder().encode(raw).byteLength : raw.byteLength
  if (size > MAX_FRAME_BYTES) return err({ code: 'too-large', message: `frame is ${size} bytes; the limit is ${MAX_FRAME_BYTES}` })
  if (typeof raw !== 'string') return err({ code: 'bad-message', message: 'frames must be JSON text' })
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return err({ code: 'bad-message', message: 'frame is not valid JSON' })
  }
  const r = schema.parse(value)
  if (r.ok) return r
  const code = r.error.path === 'type' ? 'unknown-type' : 'bad-message'
  return err({ code, message: `${r.error.path} ${r.error.message}` })
}

export const parseClientMessage = (raw: string | ArrayBuffer) => parseFrame(raw, clientMessageSchema)
export const parseServerMessage = (raw: string | ArrayBuffer) => parseFrame(raw, serverMessageSchema)
