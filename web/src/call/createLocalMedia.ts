/**
 * @module `makeLocalMedia` as signals, for the pre-join screen and the call controls. The owner
 * that creates it stops the devices when it is disposed.
 */
import { createSignal, onCleanup } from 'solid-js'
import { makeLocalMedia, type LocalMedia } from './media'

export type LocalMediaSignals = ReturnType<typeof createLocalMedia>

export function createLocalMedia() {
  const media: LocalMedia = makeLocalMedia()
  const [version, setVersion] = createSignal(0)
  media.onChange(() => setVersion((v) => v + 1))
  onCleanup(media.stop)
  const tracked = <T>(read: () => T) => () => {
    version()
    return read()
  }
  return {
    media,
    micOn: tracked(media.micOn),
    cameraOn: tracked(media.cameraOn),
    videoTrack: tracked(() => media.track('video')),
  }
}
