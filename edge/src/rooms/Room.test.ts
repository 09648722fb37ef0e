import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ROOM_CLOSE_CODES } from '../../../shared/protocol/signalling'
import { STATE, connect, expectNothing, heartbeat, join, newRoomId, roundTrip, type RoomClient } from '../../test/roomClient'
import type { SocketState } from './peerSocket'
import type { AwayPeer } from './roomStorage'
import { PEER_TIMEOUT_MS, RESUME_GRACE_MS } from './roster'

// Real sockets on a shared 2-core machine: generous limits; nothing here asserts a duration.
vi.setConfig({ testTimeout: 20_000 })

const stubOf = (room: string) => env.ROOMS.get(env.ROOMS.idFromName(room))
const offer = { kind: 'description', description: { type: 'offer', sdp: 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n' } } as const
const candidate = {
  kind: 'candidate',
  candidate: { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host', sdpMid: '0', sdpMLineIndex: 0 },
} as const

const clients: RoomClient[] = []
const track = <T extends { client: RoomClient }>(x: T) => (clients.push(x.client), x)
afterEach(() => {
  for (const c of clients.splice(0)) expect(c.invalid, 'every frame the room sent matches the contract').toEqual([])
})

/** The time the room would see after `ms` more milliseconds, for the sockets it holds. */
async function letTimePass(room: string, ms: number) {
  await runInDurableObject(stubOf(room), async (_room, state) => {
    for (const ws of state.getWebSockets()) {
      const s = ws.deserializeAttachment() as SocketState
      if (s.phase !== 'closing') ws.serializeAttachment({ ...s, lastFrameAtMs: s.lastFrameAtMs - ms })
    }
    const away = await state.storage.list<AwayPeer>({ prefix: 'away:' })
    for (const [key, a] of away) await state.storage.put(key, { ...a, awaySinceMs: a.awaySinceMs - ms })
  })
}

async function storedKeys(room: string) {
  return runInDurableObject(stubOf(room), async (_room, state) => ({
    keys: [...(await state.storage.list()).keys()],
    alarm: await state.storage.getAlarm(),
  }))
}

describe('joining a call', () => {
  it('welcomes the first person with an id, a resume token, nobody else and no chat', async () => {
    const ana = track(await join(newRoomId(), 'Ana'))
    expect(ana.welcome).toMatchObject({ type: 'welcome', peers: [], chat: [] })
    expect(ana.welcome.resumeToken).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(ana.welcome.resumeToken).not.toBe(ana.peerId)
  })

  it('tells the newcomer who is there and tells everyone there who joined', async () => {
    const room = newRoomId()
    const ana = track(await join(room, 'Ana'))
    const ben = track(await join(room, 'Ben'))
    expect(ben.welcome.peers).toEqual([{ id: ana.peerId, name: 'Ana', joinedAt: expect.any(Number), state: STATE }])
    expect((await ana.client.next('peer-joined')).peer).toMatchObject({ id: ben.peerId, name: 'Ben', state: STATE })
    await expectNothing(ana.client, ben.client, 'peer-joined')
  })

  it('schedules an alarm to look for silent peers while anyone is in the room', async () => {
    const room = newRoomId()
    track(await join(room, 'Ana'))
    expect((await storedKeys(room)).alarm).toEqual(expect.any(Number))
  })
})

describe('relaying offers, answers and ICE', () => {
  it('relays an offer from one peer to exactly the peer it names', async () => {
    const room = newRoomId()
    const ana = track(await join(room, 'Ana'))
    const ben = track(await join(room, 'Ben'))
    const cat = track(await join(room, 'Cat'))
    ana.client.send({ type: 'signal', to: ben.peerId, data: offer })
    expect(await ben.client.next('signal')).toEqual({ type: 'signal', from: ana.peerId, data: offer })
    await expectNothing(ana.client, cat.client, 'signal')
  })

  it('relays ICE candidates in order, including the end-of-candidates null', async () => {
    const room = newRoomId()
    const ana = track(await join(room, 'Ana'))
    const ben = track(await join(room, 'Ben'))
    ben.client.send({ type: 'signal', to: ana.peerId, data: candidate })
    ben.client.send({ type: 'signal', to: ana.peerId, data: { kind: 'candidate', candidate: null } })
    expect((await ana.client.next('signal')).data).toEqual(candidate)
    expect((await ana.client.next('signal')).data).toEqual({ kind: 'candidate', candidate: null })
  })

  it('answers a signal to a peer not in the room with unknown-peer and keeps the socket usable', async () => {
    const room = newRoomId()
    const ana = track(await join(room, 'Ana'))
    const ben = track(await join(room, 'Ben'))
    ana.client.send({ type: 'signal', to: newRoomId(), data: offer })
    expect(await ana.client.next('error')).toMatchObject({ code: 'unknown-peer' })
    ana.client.send({ type: 'signal', to: ben.peerId, data: offer })
    expect((await ben.client.next('signal')).from).toBe(ana.peerId)
  })

  it('refuses a signal addressed to its own sender', async () => {
    const ana = track(await join(newRoomId(), 'Ana'))
    ana.client.send({ type: 'signal', to: ana.peerId, data: offer })
    expect(await ana.client.next('error')).toMatchObject({ code: 'bad-message' })
  })
})

describe('media state and captions', () => {
  it('tells the others when a peer mutes or turns its camera off', async () => {
    const room = newRoomId()
    const ana = track(await join(room, 'Ana'))
    const ben = track(await join(room, 'Ben'))
    const muted = { audio: false, video: false, captions: true }
    ana.client.send({ type: 'state', state: muted })
    expect(await ben.client.next('state')).toEqual({ type: 'state', peerId: ana.peerId, state: muted })
    const cat = track(await join(room, 'Cat'))
    expect(cat.welcome.peers.find((p) => p.id === ana.peerId)?.state).toEqual(muted)
  })

  it('relays a caption to everyone else, or to the one peer it names, stamped with the sender, and never stores it', async () => {
    const room = newRoomId()
    const ana = track(await join(room, 'Ana'))
    const ben = track(await join(room, 'Ben'))
    const cat = track(await join(room, 'Cat'))
    const event = { v: 1, id: 'c1', text: 'HELLO', kind: 'word', confidence: 0.9, tStart: 1, tEnd: 2, final: true } as const
    ana.client.send({ type: 'caption', event })
    expect(await ben.client.next('caption')).toEqual({ type: 'caption', from: ana.peerId, event })
    expect(await cat.client.next('caption')).toEqual({ type: 'caption', from: ana.peerId, event })
    await expectNothing(ana.client, ana.client, 'caption')
    ana.client.send({ type: 'caption', to: cat.peerId, event: { ...event, id: 'c2' } })
    expect((await cat.client.next('caption')).event.id).toBe('c2')
    await expectNothing(ana.client, ben.client, 'caption')
    expect((await storedKeys(room)).keys).toEqual([])
  })
})

describe('chat', () => {
  it('stamps a message with id, sender, name and time and sends it to everyone, the sender too', async () => {
    const room = newRoomId()
    const ana = track(await join(room, 'Ana'))
    const ben = track(await join(room, 'Ben'))
    const before = Date.now()
    ana.client.send({ type: 'chat', text: 'Can you see my hands?' })
    const got = await ben.client.next('chat')
    expect(got.message).toMatchObject({ from: ana.peerId, name: 'Ana', text: 'Can you see my hands?' })
    expect(got.message.at).toBeGreaterThanOrEqual(before)
    expect(await ana.client.next('chat')).toEqual(got)
  })

  it('gives someone who joins later the chat so far, oldest first', async () => {
    const room = newRoomId()
    const ana = track(await join(room, 'Ana'))
    ana.client.send({ type: 'chat', text: 'one' })
    ana.client.send({ type: 'chat', text: 'two' })
    await ana.client.next('chat')
    await ana.client.next('chat')
    const ben = track(await join(room, 'Ben'))
    expect(ben.welcome.chat.map((m) => [m.name, m.text])).toEqual([
      ['Ana', 'one'],
      ['Ana', 'two'],
    ])
  })
})

describe('leaving', () => {
  it('tells the others when a peer sends leave, and closes its socket with 1000', async () => {
    const room = newRoomId()
    const ana = track(await join(room, 'Ana'))
    const ben = track(await join(room, 'Ben'))
    ben.client.send({ type: 'leave' })
    expect(await ben.client.closed).toBe(ROOM_CLOSE_CODES.left)
    expect(await ana.client.next('peer-left')).toEqual({ type: 'peer-left', peerId: ben.peerId, reason: 'left' })
  })

  it('tells the others at once when a peer closes its tab (close 1001)', async () => {
    const room = newRoomId()
    const ana = track(await join(room, 'Ana'))
    const ben = track(await join(room, 'Ben'))
    ben.client.close(1001)
    expect(await ana.client.next('peer-left')).toEqual({ type: 'peer-left', peerId: ben.peerId, reason: 'left' })
  })

  it('deletes everything the call stored, and its alarm, when the last peer leaves', async () => {
    const room = newRoomId()
    const ana = track(await join(room, 'Ana'))
    const ben = track(await join(room, 'Ben'))
    ana.client.send({ type: 'chat', text: 'bye' })
    await ana.client.next('chat')
    expect((await storedKeys(room)).keys).toEqual(['chat'])
    ana.client.send({ type: 'leave' })
    ben.client.close(1000)
    await vi.waitFor(async () => expect(await storedKeys(room)).toEqual({ keys: [], alarm: null }), { timeout: 5_000 })
    const cat = track(await join(room, 'Cat'))
    expect(cat.welcome).toMatchObject({ peers: [], chat: [] })
  })
})

describe('capacity', () => {
  it('refuses a ninth person with room-full, then closes the socket with 4003, and admits them once a place frees', async () => {
    const room = newRoomId()
    const inside = []
    for (let i = 0; i < 8; i++) inside.push(track(await join(room, `P${i}`)))
    const ninth = await connect(room)
    ninth.send({ type: 'join', name: 'Nine', state: STATE })
    expect(await ninth.next('error')).toMatchObject({ code: 'room-full', message: expect.stringContaining('8') })
    expect(await ninth.closed).toBe(ROOM_CLOSE_CODES.roomFull)
    await expectNothing(inside[0]!.client, inside[1]!.client, 'peer-joined', (f) => f.peer.name === 'Nine')

    inside[7]!.client.send({ type: 'leave' })
    await inside[0]!.client.next('peer-left')
    const again = track(await join(room, 'Nine'))
    expect(again.welcome.peers).toHaveLength(7)
  })
})

describe('sockets that never join', () => {
  it('are refused with room-full past twice the capacity, so no one can hoard a room with idle sockets', async () => {
    const room = newRoomId()
    const idle: RoomClient[] = []
    for (let i = 0; i < 16; i++) idle.push(await connect(room))
    const extra = await connect(room)
    expect(await extra.next('error')).toMatchObject({ code: 'room-full' })
    expect(await extra.closed).toBe(ROOM_CLOSE_CODES.roomFull)
    idle[0]!.send({ type: 'join', name: 'Ana', state: STATE })
    await idle[0]!.next('welcome')
  })

  it(`are closed once silent for ${PEER_TIMEOUT_MS / 1000} s`, async () => {
    const room = newRoomId()
    const lurker = await connect(room)
    const ana = track(await join(room, 'Ana'))
    await letTimePass(room, PEER_TIMEOUT_MS + 1_000)
    await heartbeat(ana.client)
    await runDurableObjectAlarm(stubOf(room))
    expect(await lurker.closed).toBe(ROOM_CLOSE_CODES.timeout)
    await expectNothing(ana.client, ana.client, 'peer-left')
  })
})

describe('heartbeats and eviction', () => {
  it('answers the ping heartbeat with pong', async () => {
    const ana = track(await join(newRoomId(), 'Ana'))
    await heartbeat(ana.client)
  })

  it(`evicts a peer silent for ${PEER_TIMEOUT_MS / 1000} s and keeps one whose heartbeats the runtime answered`, async () => {
    const room = newRoomId()
    const ana = track(await join(room, 'Ana'))
    const ben = track(await join(room, 'Ben'))
    await ana.client.next('peer-joined')
    await letTimePass(room, PEER_TIMEOUT_MS + 5_000)
    await heartbeat(ana.client)

    expect(await runDurableObjectAlarm(stubOf(room))).toBe(true)
    expect(await ben.client.closed).toBe(ROOM_CLOSE_CODES.timeout)
    expect(await ana.client.next('peer-left')).toEqual({ type: 'peer-left', peerId: ben.peerId, reason: 'timeout' })
    await roundTrip(ana.client)
    expect((await storedKeys(room)).alarm).toEqual(expect.any(Number))
  })

  it('keeps a peer that has been silent for less than the timeout', async () => {
    const room = newRoomId()
    const ana = track(await join(room, 'Ana'))
    const ben = track(await join(room, 'Ben'))
    await letTimePass(room, PEER_TIMEOUT_MS - 3_000)
    expect(await runDurableObjectAlarm(stubOf(room))).toBe(true)
    await expectNothing(ben.client, ana.client, 'peer-left')
  })
})

describe('resuming after a dropped socket', () => {
  it('lets a new socket take over its peer: same id, old socket closed with 4001, nothing announced to the others', async () => {
    const room = newRoomId()
    const ana = track(await join(room, 'Ana'))
    const ben = track(await join(room, 'Ben'))
    await ana.client.next('peer-joined')
    const again = track(await join(room, 'Ana', { peerId: ana.peerId, token: ana.welcome.resumeToken }))
    expect(again.peerId).toBe(ana.peerId)
    expect(again.welcome.peers.map((p) => p.id)).toEqual([ben.peerId])
    expect(again.welcome.resumeToken).not.toBe(ana.welcome.resumeToken)
    expect(await ana.client.closed).toBe(ROOM_CLOSE_CODES.replaced)
    await expectNothing(again.client, ben.client, 'peer-left')
    await expectNothing(again.client, ben.client, 'peer-joined')

    ben.client.send({ type: 'signal', to: ana.peerId, data: offer })
    expect((await again.client.next('signal')).from).toBe(ben.peerId)
    const cat = track(await join(room, 'Cat'))
    expect(cat.welcome.peers.map((p) => p.name).sort()).toEqual(['Ana', 'Ben'])
  })

  it('keeps the place of a peer whose socket dropped and hands it the signals sent meanwhile', async () => {
    const room = newRoomId()
    const ana = track(await join(room, 'Ana'))
    const ben = track(await join(room, 'Ben'))
    ana.client.close(4000)
    await ana.client.closed
    await vi.waitFor(async () => expect((await storedKeys(room)).keys).toContain(`away:${ana.peerId}`), { timeout: 5_000 })
    ben.client.send({ type: 'signal', to: ana.peerId, data: offer })
    ben.client.send({ type: 'signal', to: ana.peerId, data: candidate })
    await roundTrip(ben.client)

    const back = track(await join(room, 'Ana', { peerId: ana.peerId, token: ana.welcome.resumeToken }))
    expect(back.peerId).toBe(ana.peerId)
    expect((await back.client.next('signal')).data).toEqual(offer)
    expect((await back.client.next('signal')).data).toEqual(candidate)
    await expectNothing(back.client, ben.client, 'peer-left')
    await expectNothing(back.client, ben.client, 'peer-joined')
  })

  it('joins as a new peer when the resume token does not match', async () => {
    const room = newRoomId()
    const ana = track(await join(room, 'Ana'))
    const impostor = track(await join(room, 'Eve', { peerId: ana.peerId, token: newRoomId() }))
    expect(impostor.peerId).not.toBe(ana.peerId)
    expect(impostor.welcome.peers.map((p) => p.id)).toEqual([ana.peerId])
    expect((await ana.client.next('peer-joined')).peer.name).toBe('Eve')
  })

  it(`reports a dropped peer as gone (timeout) once ${RESUME_GRACE_MS / 1000} s pass without it coming back`, async () => {
    const room = newRoomId()
    const ana = track(await join(room, 'Ana'))
    const ben = track(await join(room, 'Ben'))
    ana.client.close(4000)
    await vi.waitFor(async () => expect((await storedKeys(room)).keys).toContain(`away:${ana.peerId}`), { timeout: 5_000 })
    await heartbeat(ben.client)
    await letTimePass(room, RESUME_GRACE_MS + 1_000)
    await heartbeat(ben.client)
    await runDurableObjectAlarm(stubOf(room))
    expect(await ben.client.next('peer-left')).toEqual({ type: 'peer-left', peerId: ana.peerId, reason: 'timeout' })
    const late = track(await join(room, 'Ana', { peerId: ana.peerId, token: ana.welcome.resumeToken }))
    expect(late.peerId).not.toBe(ana.peerId)
  })
})

describe('rooms are isolated', () => {
  it('never lets a frame reach another room, even addressed to a peer there', async () => {
    const roomA = newRoomId()
    const roomB = newRoomId()
    const ana = track(await join(roomA, 'Ana'))
    const bob = track(await join(roomB, 'Bob'))
    ana.client.send({ type: 'signal', to: bob.peerId, data: offer })
    expect(await ana.client.next('error')).toMatchObject({ code: 'unknown-peer' })
    ana.client.send({ type: 'chat', text: 'only for room A' })
    await ana.client.next('chat')
    await expectNothing(ana.client, bob.client, 'chat')
    await expectNothing(ana.client, bob.client, 'signal')
    const other = track(await join(roomB, 'Bea'))
    expect(other.welcome).toMatchObject({ chat: [], peers: [{ id: bob.peerId }] })
  })
})
