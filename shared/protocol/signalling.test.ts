import { describe, expect, it } from 'vitest'
import { randomId } from './ids'
import { MAX_FRAME_BYTES, parseClientMessage, parseServerMessage } from './signalling'

const state = { audio: true, video: true, captions: false }

describe('client messages', () => {
  it('accepts a join with a name and media state', () => {
    const r = parseClientMessage(JSON.stringify({ type: 'join', name: 'Ana', state }))
    expect(r).toEqual({ ok: true, value: { type: 'join', name: 'Ana', state } })
  })

  it('accepts an ICE candidate addressed to one peer', () => {
    const to = randomId()
    const data = { kind: 'candidate', candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host', sdpMid: '0', sdpMLineIndex: 0 } }
    const r = parseClientMessage(JSON.stringify({ type: 'signal', to, data }))
    expect(r.ok).toBe(true)
  })

  it('refuses text that is not JSON as bad-message', () => {
    const r = parseClientMessage('{nope')
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-message' } })
  })

  it('refuses an unknown type as unknown-type', () => {
    const r = parseClientMessage(JSON.stringify({ type: 'shout', text: 'hi' }))
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown-type' } })
  })

  it('refuses a known type with a wrong field as bad-message and names the field', () => {
    const r = parseClientMessage(JSON.stringify({ type: 'chat', text: 42 }))
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-message', message: 'text expected a string' } })
  })

  it('refuses fields the schema does not declare', () => {
    const r = parseClientMessage(JSON.stringify({ type: 'leave', admin: true }))
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-message' } })
  })

  it('refuses a frame over 64 KB before parsing it', () => {
    const r = parseClientMessage(JSON.stringify({ type: 'chat', text: 'x'.repeat(MAX_FRAME_BYTES) }))
    expect(r).toMatchObject({ ok: false, error: { code: 'too-large' } })
  })

  it('refuses binary frames', () => {
    const r = parseClientMessage(new ArrayBuffer(8))
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-message' } })
  })

  it('refuses a malformed peer id', () => {
    const r = parseClientMessage(JSON.stringify({ type: 'signal', to: '../other-room/xxxxxxxx', data: { kind: 'candidate', candidate: null } }))
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-message', message: 'to has an invalid format' } })
  })
})

describe('server messages', () => {
  it('round-trips an error frame', () => {
    const frame = { type: 'error', code: 'room-full', message: 'This call is full (8 people).' }
    expect(parseServerMessage(JSON.stringify(frame))).toEqual({ ok: true, value: frame })
  })
})

describe('ids', () => {
  it('are 22 URL-safe characters carrying 128 random bits', () => {
    const ids = new Set(Array.from({ length: 1000 }, randomId))
    expect(ids.size).toBe(1000)
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/)
  })
})

describe('avatars in calls (issue #7)', () => {
  const avatarUrl = `/api/avatars/${randomId()}/${randomId()}`

  it('carries a signed-in participant’s avatar URL in join and in the peer', () => {
    expect(parseClientMessage(JSON.stringify({ type: 'join', name: 'Ana', state, avatarUrl }))).toMatchObject({ ok: true, value: { avatarUrl } })
    const peer = { id: randomId(), name: 'Ana', joinedAt: 1, state, avatarUrl }
    expect(parseServerMessage(JSON.stringify({ type: 'peer-joined', peer }))).toMatchObject({ ok: true, value: { peer } })
  })

  it('refuses any other URL, so a peer cannot point others at another site', () => {
    for (const url of ['https://evil.example/a.png', '/api/avatars/x/y', `/api/avatars/${randomId()}/${randomId()}?x=1`, 'javascript:alert(1)']) {
      expect(parseClientMessage(JSON.stringify({ type: 'join', name: 'Ana', state, avatarUrl: url }))).toMatchObject({ ok: false, error: { code: 'bad-message' } })
    }
  })
})
