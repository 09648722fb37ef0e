/**
 * @module A `<video>` showing a MediaStream. `mirrored` flips the self-view, as people expect of
 * a mirror; remote video is never flipped, so signs read as the signer made them. If the browser's
 * autoplay policy blocks sound, the video plays muted and a button offers to turn the sound on.
 */
import { createEffect, createSignal, Show } from 'solid-js'

export function StreamVideo(props: { stream: MediaStream | null; mirrored?: boolean; muted?: boolean; hidden?: boolean; label: string }) {
  let video!: HTMLVideoElement
  const [soundBlocked, setSoundBlocked] = createSignal(false)

  async function play() {
    try {
      await video.play()
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'NotAllowedError') || video.muted) return
      video.muted = true
      setSoundBlocked(true)
      await video.play().catch(() => undefined)
    }
  }

  createEffect(() => {
    if (video.srcObject === props.stream) return
    video.srcObject = props.stream
    if (props.stream) void play()
  })

  return (
    <>
      <video
        ref={video}
        classList={{ 'stream-video': true, mirrored: props.mirrored === true, 'is-hidden': props.hidden === true }}
        autoplay
        playsinline
        muted={props.muted ?? false}
        aria-label={props.label}
      />
      <Show when={soundBlocked()}>
        <button
          type="button"
          class="button small unmute"
          onClick={() => {
            video.muted = false
            setSoundBlocked(false)
            void play()
          }}
        >
          Turn on sound
        </button>
      </Show>
    </>
  )
}
