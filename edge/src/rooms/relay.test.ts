import { describe, expect, it } from 'vitest'
import type { CaptionEvent } from '../../../shared/protocol/captions'
import { planRelay, type Presence } from './relay'

const presence: Presence = { connected: new Set(['ana', 'ben', 'cat']), away: new Set(['dan']) }
const data = { kind: 'candidate', candidate: null } as const
const event: CaptionEvent = { v: 1, id: 'c', text: 'HI', kind: 'word', confidence: 1, tStart: 0, tEnd: 1, final: true }

describe('addressing', () => {
  it('sends a signal to the one peer it names, stamped with the sender', () => {
    expect(planRelay({ type: 'signal', to: 'ben', data }, 'ana', presence)).toEqual({
      kind: 'send',
      to: ['ben'],
      frame: { type: 'signal', from: 'ana', data },
    })
  })

  it('keeps a signal for a peer who is away so the negotiation can finish after it resumes', () => {
    expect(planRelay({ type: 'signal', to: 'dan', data }, 'ana', presence)).toMatchObject({ kind: 'queue', to: 'dan' })
  })

  it('refuses a signal to a peer who is not in the room', () => {
    expect(planRelay({ type: 'signal', to: 'zed', data }, 'ana', presence)).toMatchObject({ kind: 'refuse', code: 'unknown-peer' })
  })

  it('refuses a signal to oneself', () => {
    expect(planRelay({ type: 'signal', to: 'ana', data }, 'ana', presence)).toMatchObject({ kind: 'refuse', code: 'bad-message' })
  })

  it('sends a caption without a target to everyone connected except the sender', () => {
    expect(planRelay({ type: 'caption', event }, 'ana', presence)).toEqual({
      kind: 'send',
      to: ['ben', 'cat'],
      frame: { type: 'caption', from: 'ana', event },
    })
  })

  it('drops a caption for a peer who is away: captions are live or nothing', () => {
    expect(planRelay({ type: 'caption', to: 'dan', event }, 'ana', presence)).toEqual({ kind: 'none' })
  })
})
