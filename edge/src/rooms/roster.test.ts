import { describe, expect, it } from 'vitest'
import {
  DEFAULT_CAPACITY,
  PEER_TIMEOUT_MS,
  RESUME_GRACE_MS,
  decideClose,
  decideJoin,
  lastSeenMs,
  parseCapacity,
  sweep,
} from './roster'

describe('capacity from the environment', () => {
  it('is 8 unless configured', () => {
    expect(parseCapacity(undefined)).toBe(DEFAULT_CAPACITY)
    expect(DEFAULT_CAPACITY).toBe(8)
  })
  it('takes a whole number from 1 to 64', () => {
    expect(parseCapacity('2')).toBe(2)
    expect(parseCapacity(' 64 ')).toBe(64)
  })
  it('falls back to 8 for anything else', () => {
    for (const raw of ['0', '65', '-3', '2.5', 'eight', '']) expect(parseCapacity(raw)).toBe(DEFAULT_CAPACITY)
  })
})

describe('joining', () => {
  it('admits a newcomer while there is a free place', () => {
    expect(decideJoin({ resumable: null, peerCount: 7, capacity: 8 })).toEqual({ kind: 'new' })
  })
  it('refuses a newcomer when every place is taken, counting peers who are away', () => {
    expect(decideJoin({ resumable: null, peerCount: 8, capacity: 8 })).toEqual({ kind: 'full' })
  })
  it('lets a peer with a valid resume back in even when the room is full', () => {
    expect(decideJoin({ resumable: 'away', peerCount: 8, capacity: 8 })).toEqual({ kind: 'resume', from: 'away' })
    expect(decideJoin({ resumable: 'connected', peerCount: 8, capacity: 8 })).toEqual({ kind: 'resume', from: 'connected' })
  })
})

describe('a socket that closes without leave', () => {
  it('is a person leaving when the close is normal (1000) or going away (1001)', () => {
    expect(decideClose(1000)).toBe('leave')
    expect(decideClose(1001)).toBe('leave')
  })
  it('is a network drop, kept for a resume, for any other code', () => {
    for (const code of [1006, 1011, 1012, 4000]) expect(decideClose(code)).toBe('away')
  })
})

describe('liveness', () => {
  it('is the later of the last frame and the last heartbeat the runtime answered', () => {
    expect(lastSeenMs(1_000, null)).toBe(1_000)
    expect(lastSeenMs(1_000, new Date(5_000))).toBe(5_000)
    expect(lastSeenMs(9_000, new Date(5_000))).toBe(9_000)
  })

  it(`marks sockets silent for more than ${PEER_TIMEOUT_MS} ms, and only those`, () => {
    const nowMs = 100_000
    const r = sweep({
      nowMs,
      sockets: [
        { key: 'fresh', lastSeenAtMs: nowMs - 1_000 },
        { key: 'edge', lastSeenAtMs: nowMs - PEER_TIMEOUT_MS },
        { key: 'dead', lastSeenAtMs: nowMs - PEER_TIMEOUT_MS - 1 },
      ],
      away: [],
    })
    expect(r).toEqual({ silent: ['dead'], expired: [] })
  })

  it(`lets an away peer resume for ${RESUME_GRACE_MS} ms, then expires it`, () => {
    const nowMs = 100_000
    const r = sweep({
      nowMs,
      sockets: [],
      away: [
        { peerId: 'back-soon', awaySinceMs: nowMs - RESUME_GRACE_MS },
        { peerId: 'gone', awaySinceMs: nowMs - RESUME_GRACE_MS - 1 },
      ],
    })
    expect(r).toEqual({ silent: [], expired: ['gone'] })
  })
})
