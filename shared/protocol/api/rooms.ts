/** @module `POST /api/rooms` and `GET /api/turn`: starting a call and reaching it through NATs. */
import { array, number, object, oneOf, optional, string, type Infer } from '../../schema'
import { ID_PATTERN } from '../ids'

export const createdRoomSchema = object({ id: string({ min: 22, max: 22, pattern: ID_PATTERN }) })
export type CreatedRoom = Infer<typeof createdRoomSchema>

export const iceServerSchema = object({
  urls: array(string({ min: 1, max: 512 }), { min: 1, max: 16 }),
  username: optional(string({ max: 256 })),
  credential: optional(string({ max: 256 })),
})
export const turnResponseSchema = object({
  iceServers: array(iceServerSchema, { max: 16 }),
  /** Seconds the credentials stay valid; 0 when only STUN is configured. */
  ttlS: number({ min: 0, int: true }),
  /**
   * `relay` when the deployment relays all media through its TURN servers (TURN_RELAY_ONLY), so
   * participants never learn each other's IP addresses; clients then gather only relay candidates.
   * Absent means `all`.
   */
  iceTransportPolicy: optional(oneOf(['all', 'relay'] as const)),
})
export type TurnResponse = Infer<typeof turnResponseSchema>
