import { describe, expect, it } from 'vitest'
import { mediaErrorReason } from './mediaErrorReason'

describe('mediaErrorReason', () => {
  it('tells a refused permission from a missing device and a busy one', () => {
    expect(mediaErrorReason('NotAllowedError', 'video')).toBe('camera-denied')
    expect(mediaErrorReason('NotFoundError', 'video')).toBe('camera-absent')
    expect(mediaErrorReason('NotReadableError', 'video')).toBe('camera-busy')
  })

  it('names the microphone when audio failed', () => {
    expect(mediaErrorReason('NotAllowedError', 'audio')).toBe('mic-denied')
    expect(mediaErrorReason('OverconstrainedError', 'audio')).toBe('mic-absent')
    expect(mediaErrorReason('AbortError', 'audio')).toBe('mic-busy')
  })

  it('treats an insecure page like a refusal: the user can fix both by opening the https link', () => {
    expect(mediaErrorReason('SecurityError', 'video')).toBe('camera-denied')
  })

  it('calls anything else unsupported rather than guessing', () => {
    expect(mediaErrorReason('TypeError', 'video')).toBe('media-unsupported')
  })
})
