/** @module The bindings and variables the Worker runs with (wrangler.toml). */
import type { Room } from './rooms/Room'

export type Env = {
  ROOMS: DurableObjectNamespace<Room>
  DB: D1Database
  FILES: R2Bucket
  ASSETS: Fetcher
  /** Peers a room admits; 8 unless configured. */
  ROOM_CAPACITY?: string
  /** Comma-separated TURN URLs; with TURN_SECRET, `/api/turn` mints credentials for them. */
  TURN_URLS?: string
  TURN_SECRET?: string
}

export type AppEnv = { Bindings: Env }
