/**
 * @module How we ask the encoder to send video. Sign language is carried by motion: at under
 * 20 fps handshapes smear and fingerspelling becomes unreadable, while a softer picture at full
 * frame rate stays legible. So under constrained bandwidth we give up resolution, never frames.
 */

export const VIDEO_WIDTH_PX = 640
export const VIDEO_HEIGHT_PX = 480
export const VIDEO_FPS = 30

/** What one 640×480@30 VP8 stream needs to look clean; more buys little at this size. */
export const VIDEO_MAX_BITRATE_BPS = 1_200_000
/** Below this VP8 at 30 fps turns to mush even at a quarter of the size, so we never ask for less. */
export const VIDEO_MIN_SHARE_BPS = 250_000
/** A typical home uplink we do not want to saturate: a mesh sends one copy per remote peer. */
export const UPLINK_BUDGET_BPS = 4_000_000

export const videoConstraints: MediaTrackConstraints = {
  width: { ideal: VIDEO_WIDTH_PX },
  height: { ideal: VIDEO_HEIGHT_PX },
  frameRate: { ideal: VIDEO_FPS, max: VIDEO_FPS },
}

/**
 * The bitrate cap for each copy of our video when `remotePeers` receive it. In a mesh the uplink
 * carries every copy, so the cap shrinks as the call grows; the encoder then scales resolution
 * down (degradationPreference `maintain-framerate`) instead of dropping frames.
 */
export function videoBitrateCapBps(remotePeers: number): number {
  const share = UPLINK_BUDGET_BPS / Math.max(1, remotePeers)
  return Math.round(Math.min(VIDEO_MAX_BITRATE_BPS, Math.max(VIDEO_MIN_SHARE_BPS, share)))
}
