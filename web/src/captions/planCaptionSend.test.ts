import { describe, expect, it } from 'vitest'
import { planCaptionSend } from './planCaptionSend'

describe('the path a caption takes', () => {
  it('is each peer’s open data channel', () => {
    expect(planCaptionSend(['ana', 'ben'], new Set(['ana', 'ben']))).toEqual({ channel: ['ana', 'ben'], socket: [] })
  })

  it('is the room socket, addressed, for a peer whose channel is not open yet', () => {
    expect(planCaptionSend(['ana', 'ben'], new Set(['ana']))).toEqual({ channel: ['ana'], socket: ['ben'] })
    expect(planCaptionSend(['ana'], new Set())).toEqual({ channel: [], socket: ['ana'] })
  })

  it('is one relayed frame for everyone while no channel is open at all', () => {
    expect(planCaptionSend(['ana', 'ben', 'cy'], new Set())).toEqual({ channel: [], socket: 'everyone' })
  })

  it('is nothing when nobody else is in the call', () => {
    expect(planCaptionSend([], new Set())).toEqual({ channel: [], socket: [] })
  })
})
