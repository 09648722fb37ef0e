import { describe, expect, it, vi } from 'vitest'
import { MAX_FRAME_BYTES, ROOM_CLOSE_CODES } from '../../../shared/protocol/signalling'
import { STATE, connect, join, newRoomId, roundTrip, type RoomClient } from '../../test/roomClient'
import { BURST_FRAMES, MAX_DROPS_BEFORE_CLOSE } from './throttle'

// Real sockets on a shared 2-core machine: generous limits; nothing here asserts a duration.
vi.setConfig({ testTimeout: 20_000 })

/** The socket still works: a chat message goes through and comes back. */
async function stillUsable(client: RoomClient) {
  client.send({ type: 'chat', text: 'still here' })
  expect((await client.next('chat')).message.text).toBe('still here')
}

/**
 * After a flood, the socket works again once its bucket refills: a chat message goes through.
 * Tried a few times, since how long the room takes to work through the flood depends on the machine.
 */
async function usableAgain(client: RoomClient) {
  for (let attempt = 0; ; attempt++) {
    await new Promise((r) => setTimeout(r, 200))
    client.send({ type: 'chat', text: 'back again' })
    try {
      expect((await client.next('chat', 1_000)).message.text).toBe('back again')
      return
    } catch (e) {
      if (attempt >= 10) throw e
    }
  }
}

async function twoPeople() {
  const room = newRoomId()
  const ana = await join(room, 'Ana')
  const ben = await join(room, 'Ben')
  await ana.client.next('peer-joined')
  return { room, ana, ben }
}

describe('a frame the room cannot use gets an error frame and the socket stays usable', () => {
  const cases: [string, string | ArrayBuffer, string][] = [
    ['text that is not JSON', '{"type":"chat",', 'bad-message'],
    ['a binary frame', new Uint8Array([1, 2, 3]).buffer, 'bad-message'],
    ['JSON that is not an object', '[1,2,3]', 'bad-message'],
    ['an unknown type', JSON.stringify({ type: 'kick', peerId: 'x' }), 'unknown-type'],
    ['a missing type', JSON.stringify({ text: 'hi' }), 'unknown-type'],
    ['a field of the wrong type', JSON.stringify({ type: 'chat', text: 42 }), 'bad-message'],
    ['a field the schema does not declare', JSON.stringify({ type: 'chat', text: 'hi', from: 'someone-else' }), 'bad-message'],
    ['an empty chat message', JSON.stringify({ type: 'chat', text: '' }), 'bad-message'],
    ['a chat message of spaces only', JSON.stringify({ type: 'chat', text: '   ' }), 'bad-message'],
    ['a chat message with a control character', JSON.stringify({ type: 'chat', text: 'a\u0000b' }), 'bad-message'],
    ['a chat message with a right-to-left override', JSON.stringify({ type: 'chat', text: 'pay \u202Etxt.exe' }), 'bad-message'],
    ['a signal without data', JSON.stringify({ type: 'signal', to: 'AAAAAAAAAAAAAAAAAAAAAA' }), 'bad-message'],
    ['a malformed target id', JSON.stringify({ type: 'signal', to: '../room/peer', data: { kind: 'candidate', candidate: null } }), 'bad-message'],
    ['a caption from a newer, unknown version', JSON.stringify({ type: 'caption', event: { v: 2, id: 'a', text: 'x', kind: 'word', confidence: 1, tStart: 0, tEnd: 0, final: true } }), 'bad-message'],
    ['a frame over 64 KB', JSON.stringify({ type: 'chat', text: 'x'.repeat(MAX_FRAME_BYTES) }), 'too-large'],
    ['JSON null', 'null', 'bad-message'],
    ['JSON nested 20,000 deep', '['.repeat(20_000) + ']'.repeat(20_000), 'bad-message'],
    ['a type that names an Object.prototype member', JSON.stringify({ type: 'constructor' }), 'unknown-type'],
    ['a __proto__ key', '{"type":"chat","text":"hi","__proto__":{"polluted":true}}', 'bad-message'],
    ['a number where a boolean belongs', JSON.stringify({ type: 'state', state: { audio: 1, video: true, captions: false } }), 'bad-message'],
    ['a number that overflows to Infinity', '{"type":"signal","to":"AAAAAAAAAAAAAAAAAAAAAA","data":{"kind":"candidate","candidate":{"candidate":"c","sdpMLineIndex":1e309}}}', 'bad-message'],
  ]
  for (const [what, frame, code] of cases) {
    it(`answers ${what} with ${code}`, async () => {
      const { ana, ben } = await twoPeople()
      ana.client.send(frame)
      const error = await ana.client.next('error')
      expect(error.code).toBe(code)
      expect(error.message.length).toBeGreaterThan(0)
      await stillUsable(ana.client)
      expect((await ben.client.next('chat')).message.text).toBe('still here')
      expect([...ana.client.invalid, ...ben.client.invalid]).toEqual([])
    })
  }

  it('answers a message before join with not-joined, then lets the socket join', async () => {
    const client = await connect(newRoomId())
    client.send({ type: 'chat', text: 'hello?' })
    expect(await client.next('error')).toMatchObject({ code: 'not-joined' })
    client.send({ type: 'join', name: 'Ana', state: STATE })
    expect((await client.next('welcome')).peers).toEqual([])
  })

  it('answers a second join on one socket with already-joined and keeps the first identity', async () => {
    const { ana, ben } = await twoPeople()
    ana.client.send({ type: 'join', name: 'Mallory', state: STATE })
    expect(await ana.client.next('error')).toMatchObject({ code: 'already-joined' })
    await stillUsable(ana.client)
    expect((await ben.client.next('chat')).message).toMatchObject({ from: ana.peerId, name: 'Ana' })
  })

  it('answers a join with a bad name with bad-message and lets a good join through', async () => {
    const client = await connect(newRoomId())
    client.send(JSON.stringify({ type: 'join', name: 'x'.repeat(65), state: STATE }))
    expect(await client.next('error')).toMatchObject({ code: 'bad-message' })
    client.send({ type: 'join', name: 'Ana', state: STATE })
    await client.next('welcome')
  })
})

describe('a flood from one socket', () => {
  it('is throttled with a rate-limited error frame, and the socket is usable once it slows down', async () => {
    const { ana, ben } = await twoPeople()
    // Enough to overflow the burst even if a busy machine spreads their arrival over seconds
    // (the bucket refills meanwhile), yet under the drops that would close the socket.
    const sent = BURST_FRAMES + MAX_DROPS_BEFORE_CLOSE - 100
    for (let i = 0; i < sent; i++) ana.client.send({ type: 'state', state: { ...STATE, audio: i % 2 === 0 } })
    expect(await ana.client.next('error')).toMatchObject({ code: 'rate-limited' })
    await usableAgain(ana.client)
    await roundTrip(ben.client)
    const relayed = ben.client.pending().filter((f) => f.type === 'state').length
    expect(relayed).toBeGreaterThanOrEqual(BURST_FRAMES)
    expect(relayed).toBeLessThan(sent)
  })

  it(`closes a socket that keeps flooding past ${MAX_DROPS_BEFORE_CLOSE} dropped frames with 4008, and the others see it leave`, async () => {
    const { ana, ben } = await twoPeople()
    let open = true
    void ana.client.closed.then(() => (open = false))
    // Keeps flooding until the room gives up, however fast this machine lets frames arrive.
    for (let batch = 0; open && batch < 100; batch++) {
      for (let i = 0; i < 200 && ana.client.ws.readyState === WebSocket.OPEN; i++) ana.client.send('{"type":"leave","x":1}')
      await new Promise((r) => setTimeout(r, 10))
    }
    expect(await ana.client.closed).toBe(ROOM_CLOSE_CODES.flooding)
    expect(await ben.client.next('peer-left')).toMatchObject({ peerId: ana.peerId })
    await stillUsable(ben.client)
  })
})
