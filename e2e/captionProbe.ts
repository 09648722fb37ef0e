/**
 * @module What the caption spec watches from outside the app, installed before the app runs:
 *
 * - sends: each caption message a page sends, by path (its `captions` data channel or the room
 *   socket), with the time each final first went out — "A's final event";
 * - seen: when each final caption first appears in the page's caption overlay (DOM inserted or
 *   marked final), with its text and sender — "rendered in B's page";
 * - clip frames (signer pages only): which frame of the looping fake-camera clip the page's own
 *   camera shows and when it was captured, read from the frame code under the picture
 *   (signingClips.ts).
 *
 * Every time is epoch ms (performance.timeOrigin + performance.now()): all pages run on this one
 * machine's clock, so times from different pages compare directly.
 */
import type { Page } from 'playwright-core'
import { FRAME_CODE } from './signingClips'

export type CaptionSend = { id: string; text: string; kind: string; final: boolean; tEnd: number; path: 'channel' | 'socket'; atMs: number }
export type CaptionSeen = { from: string; id: string; text: string; atMs: number }
export type ClipFrame = { frame: number; atMs: number }

export type CaptionProbe = { sends: CaptionSend[]; seen: Record<string, CaptionSeen>; frames: ClipFrame[] }

declare global {
  interface Window {
    __captionProbe: CaptionProbe & { channels: RTCDataChannel[] }
  }
}

/** Plain source (see browser.ts for why): wraps `send` on the two transports, observes the overlay. */
export const CAPTION_PROBE = `
const probe = (window.__captionProbe = { sends: [], seen: {}, frames: [], channels: [] })
const now = () => performance.timeOrigin + performance.now()
const note = (data, path) => {
  if (typeof data !== 'string' || !data.startsWith('{"type":"caption"')) return
  try {
    const { event } = JSON.parse(data)
    probe.sends.push({ id: event.id, text: event.text, kind: event.kind, final: event.final, tEnd: event.tEnd, path, atMs: now() })
  } catch {}
}
const channelSend = RTCDataChannel.prototype.send
RTCDataChannel.prototype.send = function (data) {
  if (this.label === 'captions') {
    if (!probe.channels.includes(this)) probe.channels.push(this)
    note(data, 'channel')
  }
  return channelSend.call(this, data)
}
const socketSend = WebSocket.prototype.send
WebSocket.prototype.send = function (data) {
  note(data, 'socket')
  return socketSend.call(this, data)
}
const look = () => {
  for (const el of document.querySelectorAll('.caption-overlay [data-caption-id][data-final]')) {
    const from = el.closest('[data-from]')?.dataset.from ?? '?'
    const key = from + ':' + el.dataset.captionId
    if (!probe.seen[key]) probe.seen[key] = { from, id: el.dataset.captionId, text: el.textContent.trim(), atMs: now() }
  }
}
new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-final'], characterData: true })
`

/** For the signer's page: decode the frame code of every frame its self view presents. */
export const CLIP_FRAME_PROBE = `
const code = ${JSON.stringify(FRAME_CODE)}
const canvas = new OffscreenCanvas(code.x0 * 2 + code.bits * code.bitWidthPx, code.heightPx)
const ctx = canvas.getContext('2d', { willReadFrequently: true })
const hooked = new WeakSet()
const hook = (video) => {
  if (hooked.has(video)) return
  hooked.add(video)
  const onFrame = (_, meta) => {
    if (video.videoWidth === 640 && video.videoHeight === 480) {
      ctx.drawImage(video, 0, code.y0, canvas.width, code.heightPx, 0, 0, canvas.width, code.heightPx)
      const row = ctx.getImageData(0, code.heightPx >> 1, canvas.width, 1).data
      let frame = 0
      for (let b = 0; b < code.bits; b++) if (row[(code.x0 + b * code.bitWidthPx + (code.bitWidthPx >> 1)) * 4] > 128) frame |= 1 << b
      const captured = meta.captureTime ?? meta.expectedDisplayTime
      window.__captionProbe.frames.push({ frame, atMs: performance.timeOrigin + captured })
    }
    video.requestVideoFrameCallback(onFrame)
  }
  video.requestVideoFrameCallback(onFrame)
}
new MutationObserver(() => document.querySelectorAll('[data-peer-id="self"] video').forEach(hook)).observe(document, { childList: true, subtree: true })
`

export const readProbe = (page: Page): Promise<CaptionProbe> =>
  page.evaluate(() => ({ sends: window.__captionProbe.sends, seen: window.__captionProbe.seen, frames: window.__captionProbe.frames }))

/** Closes the page's caption data channels, as a failed link would: captions must then go through the room. */
export const closeCaptionChannels = (page: Page): Promise<number> =>
  page.evaluate(() => {
    for (const c of window.__captionProbe.channels) c.close()
    return window.__captionProbe.channels.length
  })

/**
 * When the sign that a caption came from ended at the signer's camera: the capture time of the
 * clip's sign-end frame in the loop nearest the caption's end (`tEndMs`, when the recogniser
 * committed it, on the same clock). A caption committed before the signer's hands came down
 * (the sign recognised mid-way) gets a negative end-of-sign latency.
 */
export function signEndNear(frames: readonly ClipFrame[], signEndFrame: number, tEndMs: number): number | null {
  let best: number | null = null
  for (let i = 0; i < frames.length; i++) {
    const f = frames[i]!
    // The sign ends when the frame after the sign-end frame is shown; a frame the page skipped still counts.
    const next = frames[i + 1]
    const crossed = f.frame === signEndFrame || (next !== undefined && f.frame < signEndFrame && next.frame > signEndFrame)
    if (!crossed) continue
    if (best === null || Math.abs(f.atMs - tEndMs) < Math.abs(best - tEndMs)) best = f.atMs
  }
  return best
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}
