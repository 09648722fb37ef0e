/**
 * @module Feeds a playing video element to the recogniser live: on every presented frame
 * (requestVideoFrameCallback), grab it only if the recogniser is free; a frame presented while it
 * is busy is remembered, and the newest one is grabbed the moment it frees up. So a slow device
 * recognises fewer frames, always the newest, and nothing queues.
 */

export type FollowOptions = {
  /** True for a mirrored (selfie) picture; camera frames are not. */
  mirrored?: boolean
  /** `capture`: the camera's capture clock (performance.now). `media`: the video's media time, for files. */
  clock?: 'capture' | 'media'
}

type Submit = (frame: VideoFrame | ImageBitmap, tMs: number, mirrored: boolean) => Promise<unknown>

/** Starts following `video`; returns the function that stops it. `onSkipped` counts frames never grabbed. */
export function followVideo(video: HTMLVideoElement, submit: Submit, opts: FollowOptions = {}, onSkipped: () => void = () => {}): () => void {
  let stopped = false
  let handle = 0
  let busy = false
  let newer = false
  let latest: VideoFrameCallbackMetadata | null = null
  const frameTime = (meta: VideoFrameCallbackMetadata) =>
    opts.clock === 'media' ? meta.mediaTime * 1000 : (meta.captureTime ?? meta.expectedDisplayTime)

  const grab = async () => {
    const meta = latest
    if (!meta || stopped) return
    busy = true
    newer = false
    try {
      // A VideoFrame wraps the decoded picture without copying it; ImageBitmap where there is none.
      const frame = typeof VideoFrame !== 'undefined' ? new VideoFrame(video, { timestamp: Math.round(meta.mediaTime * 1e6) }) : await createImageBitmap(video)
      await submit(frame, frameTime(meta), opts.mirrored ?? false)
    } catch {
      // The element had no frame to give (seeking, resizing); the next callback tries again.
    } finally {
      busy = false
    }
    if (newer && !stopped) void grab()
  }
  const onVideoFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
    if (stopped) return
    latest = meta
    if (!busy) void grab()
    else {
      if (newer) onSkipped()
      newer = true
    }
    handle = video.requestVideoFrameCallback(onVideoFrame)
  }
  handle = video.requestVideoFrameCallback(onVideoFrame)
  return () => {
    stopped = true
    video.cancelVideoFrameCallback(handle)
  }
}
