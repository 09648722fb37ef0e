/** @module The bindings and variables the Worker runs with (wrangler.toml). */
import type { Room } from './rooms/Room'
import type { UserHub } from './presence/UserHub'
import type { RateLimiter } from './http/RateLimiter'

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
  /** "true": clients relay all media through TURN, so peers never see each other's addresses. */
  TURN_RELAY_ONLY?: string
  /** One hub per signed-in user: presence, rings and live updates to their open apps (issue #7). */
  USERS: DurableObjectNamespace<UserHub>
  /** One counter per user (or per IP when anonymous) for the API rate limit. */
  LIMITS: DurableObjectNamespace<RateLimiter>
  /** HS256 key for access tokens, at least 32 characters: `wrangler secret put JWT_SECRET`. */
  JWT_SECRET?: string
  /** Comma-separated origins allowed to call the API from another origin; none unless configured. */
  CORS_ORIGINS?: string
  /** API requests a minute per user (per IP when signed out); 100 unless configured. */
  RATE_LIMIT_PER_MIN?: string
}

export type AppEnv = { Bindings: Env }
