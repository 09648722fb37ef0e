import { describe, expect, it } from 'vitest'
import { linkStatus } from './linkStatus'

describe('linkStatus', () => {
  it('says connecting while a first connection is being made', () => {
    expect(linkStatus('new', false)).toBe('connecting')
    expect(linkStatus('connecting', false)).toBe('connecting')
  })

  it('says interrupted when a working connection drops or fails', () => {
    expect(linkStatus('disconnected', true)).toBe('interrupted')
    expect(linkStatus('failed', true)).toBe('interrupted')
    expect(linkStatus('failed', false)).toBe('interrupted')
  })

  it('keeps saying interrupted while an ICE restart repairs a connection that had worked', () => {
    expect(linkStatus('connecting', true)).toBe('interrupted')
  })

  it('says connected once media can flow', () => {
    expect(linkStatus('connected', false)).toBe('connected')
    expect(linkStatus('connected', true)).toBe('connected')
  })
})
