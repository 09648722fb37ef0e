/** @module What `/api/turn` answers, decided from the Worker's configuration. */
import { randomId } from '../../../shared/protocol/ids'
import type { TurnResponse } from '../../../shared/protocol/api/rooms'
import { TURN_TTL_S, mintTurnCredential } from './credentials'

/**
 * Cloudflare's free public STUN server: the app already runs on Cloudflare, so this adds no new
 * party who sees users' addresses, and port 3478 is the standard STUN port that firewalls allow
 * more often than Google's 19302. STUN alone finds a public address but cannot cross a
 * symmetric NAT; that needs TURN.
 */
export const DEFAULT_STUN_URLS = ['stun:stun.cloudflare.com:3478']

export type TurnConfig = { TURN_URLS?: string; TURN_SECRET?: string; TURN_RELAY_ONLY?: string }

export async function iceServersFor(config: TurnConfig, nowS: number): Promise<TurnResponse> {
  const turnUrls = parseUrls(config.TURN_URLS)
  const secret = config.TURN_SECRET ?? ''
  if (turnUrls.length === 0 || secret === '') return { iceServers: [{ urls: DEFAULT_STUN_URLS }], ttlS: 0 }
  const { username, credential } = await mintTurnCredential({ secret, nowS, ttlS: TURN_TTL_S, id: randomId() })
  const iceServers = [{ urls: DEFAULT_STUN_URLS }, { urls: turnUrls, username, credential }]
  // Relay-only needs TURN, so it is honoured only here: without TURN it would leave no route at all.
  return config.TURN_RELAY_ONLY === 'true' ? { iceServers, ttlS: TURN_TTL_S, iceTransportPolicy: 'relay' } : { iceServers, ttlS: TURN_TTL_S }
}

/** `TURN_URLS` is comma-separated, e.g. `turn:turn.example.com:3478?transport=udp,turns:…`. */
export function parseUrls(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter((u) => /^turns?:/.test(u))
}
