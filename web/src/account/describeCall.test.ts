import { describe, expect, it } from 'vitest'
import type { CallSummary, Participant } from '../../../shared/protocol/api/history'
import { callOutcome, callTitle, formatDuration, isLive } from './describeCall'

const person = (id: string, displayName: string): Participant => ({
  user: { id, displayName, avatarUrl: null },
  displayName,
  role: 'member',
  joinedAtMs: 1,
  leftAtMs: 2,
})

const call = (over: Partial<CallSummary>): CallSummary => ({
  id: 'c'.repeat(22),
  kind: 'link',
  direction: null,
  ringState: null,
  createdAtMs: 0,
  startedAtMs: 0,
  endedAtMs: 65_000,
  durationS: 65,
  participants: [person('me', 'Me'), person('b', 'Ben')],
  ...over,
})

describe('formatDuration', () => {
  it.each([
    [45, '45 s'],
    [200, '3 min 20 s'],
    [3_900, '1 h 05 min'],
  ])('%i s reads %s', (s, text) => expect(formatDuration(s)).toBe(text))
})

describe('callTitle', () => {
  it('names the others, not me', () => {
    expect(callTitle(call({}), 'me')).toBe('Call with Ben')
  })
  it('shortens a crowd', () => {
    const crowd = ['A', 'B', 'C', 'D', 'E'].map((n) => person(n, n))
    expect(callTitle(call({ participants: [person('me', 'Me'), ...crowd] }), 'me')).toBe('Call with A, B and 3 others')
  })
})

describe('callOutcome', () => {
  it('says a missed incoming call is missed, and the same call from the caller’s side is not answered', () => {
    expect(callOutcome(call({ kind: 'direct', direction: 'incoming', ringState: 'missed', durationS: null }))).toBe('Missed call')
    expect(callOutcome(call({ kind: 'direct', direction: 'outgoing', ringState: 'missed', durationS: null }))).toBe('Not answered')
  })
  it('gives the duration of a call that happened', () => {
    expect(callOutcome(call({ kind: 'direct', direction: 'outgoing', ringState: 'accepted' }))).toBe('Outgoing call, 1 min 05 s')
  })
  it('says a call is in progress until it ends', () => {
    expect(callOutcome(call({ endedAtMs: null, durationS: null }))).toBe('Call by link, in progress')
  })
})

describe('isLive', () => {
  it('holds for a call ringing or under way, so the history asks again how it went', () => {
    expect(isLive(call({ kind: 'direct', direction: 'incoming', ringState: 'ringing', startedAtMs: null, endedAtMs: null, durationS: null }))).toBe(true)
    expect(isLive(call({ endedAtMs: null, durationS: null }))).toBe(true)
    expect(isLive(call({ kind: 'direct', direction: 'outgoing', ringState: 'accepted', endedAtMs: null, durationS: null }))).toBe(true)
  })
  it('does not hold for a call over, missed or never joined', () => {
    expect(isLive(call({}))).toBe(false)
    expect(isLive(call({ kind: 'direct', direction: 'incoming', ringState: 'missed', startedAtMs: null, endedAtMs: null, durationS: null }))).toBe(false)
    expect(isLive(call({ startedAtMs: null, endedAtMs: null, durationS: null }))).toBe(false)
  })
})
