import { describe, expect, it } from 'vitest'
import { randomId } from '../../../shared/protocol/ids'
import { STATE, connect, join, newRoomId } from '../../test/roomClient'

// Issue #7: a signed-in participant appears in the call with their picture.
describe('avatars in a room', () => {
  it('hands a joiner’s avatar URL to the others, and leaves it out for a guest', async () => {
    const room = newRoomId()
    const avatarUrl = `/api/avatars/${randomId()}/${randomId()}`
    const ana = await join(room, 'Ana')
    const ben = await connect(room)
    ben.send({ type: 'join', name: 'Ben', state: STATE, avatarUrl })
    const welcome = await ben.next('welcome')
    expect(welcome.peers).toEqual([{ id: ana.peerId, name: 'Ana', joinedAt: expect.any(Number), state: STATE }])
    expect((await ana.client.next('peer-joined')).peer).toMatchObject({ name: 'Ben', avatarUrl })
  })
})
