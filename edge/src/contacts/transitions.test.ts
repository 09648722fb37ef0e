import { describe, expect, it } from 'vitest'
import { transition, type Pair } from './transitions'

const none: Pair = { mine: null, theirs: null }

describe('contact transitions', () => {
  it('asking someone new leaves it outgoing for me and incoming for them', () => {
    expect(transition(none, 'request')).toEqual({ ok: true, value: { mine: 'outgoing', theirs: 'incoming' } })
  })

  it('asking someone who already asked me accepts them', () => {
    expect(transition({ mine: 'incoming', theirs: 'outgoing' }, 'request')).toEqual({ ok: true, value: { mine: 'accepted', theirs: 'accepted' } })
  })

  it('asking again, or asking a contact, changes nothing', () => {
    expect(transition({ mine: 'outgoing', theirs: 'incoming' }, 'request')).toEqual({ ok: true, value: { mine: 'outgoing', theirs: 'incoming' } })
    expect(transition({ mine: 'accepted', theirs: 'accepted' }, 'request')).toEqual({ ok: true, value: { mine: 'accepted', theirs: 'accepted' } })
  })

  it('someone who blocked me cannot be asked, and looks like nobody', () => {
    expect(transition({ mine: null, theirs: 'blocked' }, 'request')).toMatchObject({ ok: false, error: { problem: 'not-found' } })
  })

  it('I must unblock someone before asking them', () => {
    expect(transition({ mine: 'blocked', theirs: null }, 'request')).toMatchObject({ ok: false, error: { problem: 'conflict' } })
  })

  it('accepting needs their request', () => {
    expect(transition({ mine: 'incoming', theirs: 'outgoing' }, 'accept')).toEqual({ ok: true, value: { mine: 'accepted', theirs: 'accepted' } })
    expect(transition(none, 'accept')).toMatchObject({ ok: false, error: { problem: 'not-found' } })
    expect(transition({ mine: 'outgoing', theirs: 'incoming' }, 'accept')).toMatchObject({ ok: false, error: { problem: 'not-found' } })
  })

  it('removing declines, cancels or ends a contact for both sides', () => {
    for (const mine of ['outgoing', 'incoming', 'accepted'] as const) {
      expect(transition({ mine, theirs: 'accepted' }, 'remove')).toEqual({ ok: true, value: { mine: null, theirs: null } })
    }
    expect(transition(none, 'remove')).toMatchObject({ ok: false, error: { problem: 'not-found' } })
  })

  it('blocking ends any relationship and leaves them nothing of me; their own block stays', () => {
    expect(transition({ mine: 'accepted', theirs: 'accepted' }, 'block')).toEqual({ ok: true, value: { mine: 'blocked', theirs: null } })
    expect(transition({ mine: null, theirs: 'blocked' }, 'block')).toEqual({ ok: true, value: { mine: 'blocked', theirs: 'blocked' } })
  })

  it('unblocking forgets the block without restoring the old contact', () => {
    expect(transition({ mine: 'blocked', theirs: null }, 'unblock')).toEqual({ ok: true, value: { mine: null, theirs: null } })
    expect(transition(none, 'unblock')).toMatchObject({ ok: false, error: { problem: 'not-found' } })
  })
})
