import { describe, expect, it } from 'vitest'
import { MAX_CAPTION_MESSAGE_BYTES, parseCaptionChannelMessage, type CaptionEvent } from './captions'

const event: CaptionEvent = { v: 1, id: 'r1-w0', text: 'hello', kind: 'word', confidence: 0.91, tStart: 1_700_000_000_000, tEnd: 1_700_000_000_800, final: true }

describe('caption channel messages', () => {
  it('accepts a caption event and a hands-up notice', () => {
    expect(parseCaptionChannelMessage(JSON.stringify({ type: 'caption', event }))).toEqual({ ok: true, value: { type: 'caption', event } })
    expect(parseCaptionChannelMessage(JSON.stringify({ type: 'hands', v: 1, up: true }))).toEqual({ ok: true, value: { type: 'hands', v: 1, up: true } })
  })

  it('refuses an event from a newer caption version, so an old build never misreads one', () => {
    const r = parseCaptionChannelMessage(JSON.stringify({ type: 'caption', event: { ...event, v: 2 } }))
    expect(r).toEqual({ ok: false, error: { code: 'bad-message', message: 'event.v expected 1' } })
  })

  it.each([
    ['binary data', new ArrayBuffer(8)],
    ['text that is not JSON', '{"type":'],
    ['an unknown message type', JSON.stringify({ type: 'video', event })],
    ['a caption with an id that could break markup', JSON.stringify({ type: 'caption', event: { ...event, id: '<img src=x>' } })],
    ['a confidence above 1', JSON.stringify({ type: 'caption', event: { ...event, confidence: 3 } })],
    ['an unknown kind', JSON.stringify({ type: 'caption', event: { ...event, kind: 'speech' } })],
    ['an extra field', JSON.stringify({ type: 'caption', event: { ...event, html: '<b>' } })],
    ['caption text over 500 characters', JSON.stringify({ type: 'caption', event: { ...event, text: 'a'.repeat(501) } })],
  ])('refuses %s as bad-message', (_, raw) => {
    expect(parseCaptionChannelMessage(raw)).toMatchObject({ ok: false, error: { code: 'bad-message' } })
  })

  it('refuses a message over the size limit before parsing it', () => {
    const raw = JSON.stringify({ type: 'caption', event: { ...event, text: 'é'.repeat(MAX_CAPTION_MESSAGE_BYTES) } })
    expect(parseCaptionChannelMessage(raw)).toMatchObject({ ok: false, error: { code: 'too-large' } })
  })
})
