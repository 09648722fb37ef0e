/**
 * @module Addresses what one peer sends to others: offers, answers and ICE go to exactly one
 * peer; captions to one peer or to everyone else. Pure: the room turns the plan into sends.
 */
import type { SocketErrorCode } from '../../../shared/protocol/errors'
import type { ClientMessage, ServerMessage } from '../../../shared/protocol/signalling'

export type Presence = { connected: ReadonlySet<string>; away: ReadonlySet<string> }

export type RelayPlan =
  /** Send `frame` to each of `to` now. */
  | { kind: 'send'; to: string[]; frame: ServerMessage }
  /**
   * The target's socket dropped and may come back: keep the frame for it, so a negotiation
   * that was under way when it dropped can finish after it resumes.
   */
  | { kind: 'queue'; to: string; frame: ServerMessage }
  /** Nothing to deliver (a caption for a peer who is away: captions are live or nothing). */
  | { kind: 'none' }
  | { kind: 'refuse'; code: SocketErrorCode; message: string }

type Relayed = Extract<ClientMessage, { type: 'signal' | 'caption' }>

export function planRelay(message: Relayed, from: string, presence: Presence): RelayPlan {
  if (message.type === 'signal') {
    const frame: ServerMessage = { type: 'signal', from, data: message.data }
    return addressOne(message.to, from, presence, frame, 'queue')
  }
  const frame: ServerMessage = { type: 'caption', from, event: message.event }
  if (message.to === undefined) {
    return { kind: 'send', to: [...presence.connected].filter((id) => id !== from), frame }
  }
  return addressOne(message.to, from, presence, frame, 'none')
}

function addressOne(
  to: string,
  from: string,
  presence: Presence,
  frame: ServerMessage,
  whenAway: 'queue' | 'none',
): RelayPlan {
  if (to === from) return { kind: 'refuse', code: 'bad-message', message: 'to names yourself' }
  if (presence.connected.has(to)) return { kind: 'send', to: [to], frame }
  if (presence.away.has(to)) return whenAway === 'queue' ? { kind: 'queue', to, frame } : { kind: 'none' }
  return { kind: 'refuse', code: 'unknown-peer', message: `no peer ${to} in this room` }
}
