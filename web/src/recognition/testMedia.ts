/**
 * @module Real media for the recognition browser tests, read in place from ../shared/data (served
 * read-only at /shared-data/ by web-test-runner.config.mjs; never committed). Fails loudly when the
 * data is absent, so a missing data set cannot pass as a green test.
 */

export const PHOTOS = '/shared-data/letters/grassknoted-photos'
export const HELLO_CLIP = '/shared-data/video/startasl-dev/words/hello.mp4'
/** Start ASL "book": both hands open like a book. */
export const BOOK_CLIP = '/shared-data/video/startasl-dev/words/book.mp4'

export async function requireSharedData(): Promise<void> {
  const r = await fetch('/shared-data/README.md', { method: 'GET' })
  if (!r.ok) throw new Error('../shared/data is absent: these tests need the real sign-language data (see README.md)')
}

export async function bitmapOf(url: string): Promise<ImageBitmap> {
  const r = await fetch(url)
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status} (is ../shared/data complete?)`)
  return createImageBitmap(await r.blob())
}

/** Frames of a clip, `fps` a second from `fromS` to `toS`, by seeking a video element. */
export async function clipFrames(url: string, fromS: number, toS: number, fps: number): Promise<{ frame: VideoFrame; tMs: number }[]> {
  // A blob URL, because seeking needs byte ranges and the test server streams whole files.
  const r = await fetch(url)
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status} (is ../shared/data complete?)`)
  const blobUrl = URL.createObjectURL(await r.blob())
  const video = document.createElement('video')
  video.muted = true
  video.preload = 'auto'
  video.src = blobUrl
  await new Promise<void>((ok, fail) => {
    video.onloadeddata = () => ok()
    video.onerror = () => fail(new Error(`${url}: the video could not be loaded (is ../shared/data complete?)`))
  })
  const frames: { frame: VideoFrame; tMs: number }[] = []
  for (let t = fromS; t <= Math.min(toS, video.duration); t += 1 / fps) {
    // Seeked, and the new frame presented: only then does the element hold it.
    await new Promise<void>((ok) => {
      video.requestVideoFrameCallback(() => ok())
      video.currentTime = t
    })
    frames.push({ frame: new VideoFrame(video, { timestamp: Math.round(t * 1e6) }), tMs: t * 1000 })
  }
  video.removeAttribute('src')
  video.load()
  URL.revokeObjectURL(blobUrl)
  return frames
}
