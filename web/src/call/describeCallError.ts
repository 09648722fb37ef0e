/** @module Words for every way a call can fail, for the person in front of the screen. */
import { assertNever } from '../ui/assertNever'
import type { CallError } from './errors'

export type ErrorText = { title: string; detail: string }

export function describeCallError(e: CallError): ErrorText {
  switch (e.reason) {
    case 'create-failed':
      return { title: 'The call could not be started', detail: `The server said: ${e.message}. Please try again in a moment.` }
    case 'offline':
      return { title: 'No connection to SilentTalk', detail: 'Check that you are online, then try again.' }
    case 'invalid-link':
      return {
        title: 'This link is not valid',
        detail: 'The call link is incomplete or mistyped. Ask the person who sent it for the full link, or start a new call.',
      }
    case 'room-full':
      return { title: 'This call is full', detail: 'The call has as many people as it can take. Ask someone in it to let you know when a place is free.' }
    case 'replaced':
      return {
        title: 'You joined from somewhere else',
        detail: 'This call is now open in another tab or on another device, so it was closed here.',
      }
    case 'camera-denied':
      return {
        title: 'Camera blocked',
        detail: 'Your browser is not letting SilentTalk use the camera. Allow it in the site settings (the icon beside the address), or join without video.',
      }
    case 'camera-absent':
      return { title: 'No camera found', detail: 'Connect a camera, or join without video: you can still see others and use chat.' }
    case 'camera-busy':
      return { title: 'The camera is in use', detail: 'Another app or tab is using the camera. Close it and turn the camera on again, or join without video.' }
    case 'mic-denied':
      return { title: 'Microphone blocked', detail: 'Your browser is not letting SilentTalk use the microphone. Allow it in the site settings, or join muted.' }
    case 'mic-absent':
      return { title: 'No microphone found', detail: 'You can join muted and use chat and signing.' }
    case 'mic-busy':
      return { title: 'The microphone is in use', detail: 'Another app is using the microphone. Close it and try again, or join muted.' }
    case 'media-unsupported':
      return {
        title: 'This browser cannot use the camera here',
        detail: 'Open the link over https in a current version of Chrome, Edge, Firefox or Safari.',
      }
    case 'server-refused':
      return { title: 'A message was not accepted', detail: `The call server refused a message (${e.code ?? 'unknown'}): ${e.message}` }
    case 'turn-unavailable':
      return {
        title: 'Relay servers unavailable',
        detail: 'Calls between most networks still work; people behind strict firewalls may not be able to connect.',
      }
    default:
      return assertNever(e.reason)
  }
}
