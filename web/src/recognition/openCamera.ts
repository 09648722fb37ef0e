/**
 * @module Opens the camera for recognition on its own (practice mode; a call brings its own stream),
 * turning getUserMedia's DOMException names into RecognitionError reasons
 * (Media Capture and Streams, getUserMedia errors).
 */
import { RecognitionError } from './errors'

/** 640×480 at 30 fps: all the landmarker needs, and cheap to copy into the worker. */
const CONSTRAINTS: MediaStreamConstraints = { audio: false, video: { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 30 }, facingMode: 'user' } }

export async function openCamera(): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw RecognitionError.unsupported('camera access (getUserMedia, which needs HTTPS)')
  try {
    return await navigator.mediaDevices.getUserMedia(CONSTRAINTS)
  } catch (e) {
    const name = e instanceof DOMException ? e.name : ''
    if (name === 'NotAllowedError' || name === 'SecurityError') throw RecognitionError.cameraDenied(e)
    if (name === 'NotFoundError' || name === 'OverconstrainedError') throw RecognitionError.cameraAbsent(e)
    throw new RecognitionError('camera-absent', `the camera could not be started (${name || 'unknown error'})`, { cause: e })
  }
}
