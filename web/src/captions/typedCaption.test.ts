import { describe, expect, it } from 'vitest'
import { parseCaptionChannelMessage } from '../../../shared/protocol/captions'
import { makeTypedCaptions } from './typedCaption'

function clock() {
  let t = 1_700_000_000_000
  return { now: () => t, tick: (ms: number) => (t += ms) }
}

describe('type to caption', () => {
  it('sends the line as an interim while it is typed and as a final on Enter, under one id', () => {
    const c = clock()
    const typed = makeTypedCaptions('me', c.now)
    const a = typed.input('Hi')
    c.tick(400)
    const b = typed.input('Hi Ana')
    c.tick(300)
    const f = typed.submit('Hi Ana!')
    expect([a, b, f].map((e) => [e?.id, e?.text, e?.final, e?.kind])).toEqual([
      ['me-t0', 'Hi', false, 'typed'],
      ['me-t0', 'Hi Ana', false, 'typed'],
      ['me-t0', 'Hi Ana!', true, 'typed'],
    ])
    expect(f!.tStart).toBe(a!.tStart)
    expect(f!.tEnd - f!.tStart).toBe(700)
  })

  it('starts a new caption after Enter', () => {
    const typed = makeTypedCaptions('me', clock().now)
    typed.submit('one')
    expect(typed.input('two')?.id).toBe('me-t1')
  })

  it('withdraws the interim when the box is cleared, and sends nothing for blanks or no change', () => {
    const typed = makeTypedCaptions('me', clock().now)
    expect(typed.input('   ')).toBeNull()
    typed.input('oops')
    expect(typed.input('oops')).toBeNull()
    expect(typed.input('')).toMatchObject({ id: 'me-t0', text: '', final: true })
    expect(typed.submit('  ')).toBeNull()
  })

  it('sends only events the caption schema accepts, long pastes cut to the limit', () => {
    const typed = makeTypedCaptions('me', clock().now)
    const e = typed.submit('x'.repeat(2_000))!
    expect(parseCaptionChannelMessage(JSON.stringify({ type: 'caption', event: e })).ok).toBe(true)
    expect(e.text).toHaveLength(500)
  })
})
