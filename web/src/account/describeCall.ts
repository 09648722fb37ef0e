/** @module How one call reads in the history: who it was with, how it went, how long it lasted. */
import type { CallSummary } from '../../../shared/protocol/api/history'

/** "1 h 05 min", "3 min 20 s", "45 s". */
export function formatDuration(totalS: number): string {
  const h = Math.floor(totalS / 3600)
  const m = Math.floor((totalS % 3600) / 60)
  const s = totalS % 60
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`
  if (m > 0) return `${m} min ${String(s).padStart(2, '0')} s`
  return `${s} s`
}

/** The others in the call, by the names they had in it; me left out. */
export function callTitle(call: CallSummary, myId: string): string {
  const names = call.participants.filter((p) => p.user.id !== myId).map((p) => p.displayName)
  if (names.length === 0) return 'Call with guests only'
  if (names.length <= 3) return `Call with ${names.join(', ')}`
  return `Call with ${names.slice(0, 2).join(', ')} and ${names.length - 2} others`
}

export function callOutcome(call: CallSummary): string {
  const direct = call.direction === 'incoming' ? 'Incoming call' : call.direction === 'outgoing' ? 'Outgoing call' : 'Call by link'
  switch (call.ringState) {
    case 'missed':
      return call.direction === 'incoming' ? 'Missed call' : 'Not answered'
    case 'declined':
      return `${direct}, declined`
    case 'cancelled':
      return `${direct}, cancelled`
    case 'ringing':
      return `${direct}, ringing`
    default:
      if (call.durationS !== null) return `${direct}, ${formatDuration(call.durationS)}`
      return call.startedAtMs !== null ? `${direct}, in progress` : direct
  }
}

/** Still changing: ringing, or answered (or joined by link) and not yet over. */
export function isLive(call: CallSummary): boolean {
  if (call.ringState === 'ringing') return true
  if (call.ringState !== null && call.ringState !== 'accepted') return false
  return call.startedAtMs !== null && call.durationS === null
}
