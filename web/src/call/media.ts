/**
 * @module The local camera and microphone. Muting flips `track.enabled` (instant, no
 * renegotiation); turning the camera off stops the track so its light goes out, and turning it on
 * opens a new one, which listeners hand to every peer with `replaceTrack`.
 */
import { videoConstraints } from './encoding'
import { CallError } from './errors'
import { mediaErrorReason } from './mediaErrorReason'
import type { MediaKind } from './makePeerLink'

export type LocalMedia = {
  /** Opens what `want` asks for; returns one error per device that could not be opened. */
  start: (want: { audio: boolean; video: boolean }) => Promise<CallError[]>
  setMic: (on: boolean) => Promise<CallError | null>
  setCamera: (on: boolean) => Promise<CallError | null>
  track: (kind: MediaKind) => MediaStreamTrack | null
  micOn: () => boolean
  cameraOn: () => boolean
  /** Called when a track is replaced, stopped or ends by itself (a camera unplugged). */
  onChange: (listener: () => void) => () => void
  stop: () => void
}

const audioConstraints: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true, autoGainControl: true }

async function open(kind: MediaKind): Promise<MediaStreamTrack | CallError> {
  if (!navigator.mediaDevices?.getUserMedia) return CallError.media('media-unsupported')
  try {
    const stream = await navigator.mediaDevices.getUserMedia(kind === 'video' ? { video: videoConstraints } : { audio: audioConstraints })
    return prepare(stream.getTracks()[0]!)
  } catch (e) {
    return CallError.media(mediaErrorReason(e instanceof Error ? e.name : '', kind), e)
  }
}

function prepare(track: MediaStreamTrack): MediaStreamTrack {
  // Tells the encoder to keep frames and shed resolution: signing is motion (see encoding.ts).
  if (track.kind === 'video') track.contentHint = 'motion'
  return track
}

export function makeLocalMedia(): LocalMedia {
  const tracks: Record<MediaKind, MediaStreamTrack | null> = { audio: null, video: null }
  let micOn = false
  const listeners = new Set<() => void>()
  const changed = () => {
    for (const l of listeners) l()
  }

  function set(kind: MediaKind, track: MediaStreamTrack | null) {
    const old = tracks[kind]
    if (old && old !== track) {
      old.onended = null
      old.stop()
    }
    tracks[kind] = track
    if (track) {
      if (kind === 'audio') track.enabled = micOn
      track.onended = () => {
        if (tracks[kind] === track) set(kind, null)
      }
    }
    changed()
  }

  async function openInto(kind: MediaKind): Promise<CallError | null> {
    const result = await open(kind)
    if (result instanceof CallError) return result
    set(kind, result)
    return null
  }

  return {
    async start(want) {
      micOn = want.audio
      // One request for both, so the browser asks once; only if that fails do we ask per device,
      // to find out which one is the problem and still use the other.
      if (want.audio && want.video && navigator.mediaDevices?.getUserMedia) {
        try {
          const stream = await navigator.mediaDevices.getUserMedia({ audio: audioConstraints, video: videoConstraints })
          set('audio', prepare(stream.getAudioTracks()[0]!))
          set('video', prepare(stream.getVideoTracks()[0]!))
          return []
        } catch {
          // fall through to one device at a time
        }
      }
      const errors = await Promise.all([want.audio ? openInto('audio') : null, want.video ? openInto('video') : null])
      return errors.filter((e): e is CallError => e !== null)
    },
    async setMic(on) {
      micOn = on
      if (on && !tracks.audio) return openInto('audio')
      if (tracks.audio) tracks.audio.enabled = on
      changed()
      return null
    },
    async setCamera(on) {
      if (!on) {
        set('video', null)
        return null
      }
      return tracks.video ? null : openInto('video')
    },
    track: (kind) => tracks[kind],
    micOn: () => micOn && tracks.audio !== null,
    cameraOn: () => tracks.video !== null,
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    // Releases the devices; the listeners stay, for the screen that starts them again (Rejoin).
    stop() {
      set('audio', null)
      set('video', null)
    },
  }
}
