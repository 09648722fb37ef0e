/**
 * @module Which `CallError` reason a failed `getUserMedia` means. Browsers report the cause only in
 * the DOMException's name (Media Capture and Streams §10, getUserMedia errors).
 */
import type { CallErrorReason } from './errors'

export type MediaErrorReason = Extract<CallErrorReason, `camera-${string}` | `mic-${string}` | 'media-unsupported'>

export function mediaErrorReason(errorName: string, kind: 'audio' | 'video'): MediaErrorReason {
  const device = kind === 'video' ? 'camera' : 'mic'
  switch (errorName) {
    // Denied by the user, by a permissions policy, or (SecurityError) on an insecure page.
    case 'NotAllowedError':
    case 'SecurityError':
      return `${device}-denied`
    // No such device; OverconstrainedError only follows a constraint no device can meet.
    case 'NotFoundError':
    case 'OverconstrainedError':
      return `${device}-absent`
    // The OS or another app holds the device, or its driver failed to start it.
    case 'NotReadableError':
    case 'AbortError':
      return `${device}-busy`
    default:
      return 'media-unsupported'
  }
}
