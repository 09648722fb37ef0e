/**
 * @module How much light is in a frame: the mean luma (ITU-R BT.601 weights, 0..255) of a tiny
 * downscaled copy, so the check costs a fraction of a millisecond on any frame size.
 */

const SAMPLE_WIDTH = 16
const SAMPLE_HEIGHT = 12

/** Mean BT.601 luma of RGBA pixels. */
export function meanLuma(rgba: Uint8ClampedArray): number {
  let sum = 0
  const n = rgba.length / 4
  for (let i = 0; i < rgba.length; i += 4) sum += 0.299 * (rgba[i] as number) + 0.587 * (rgba[i + 1] as number) + 0.114 * (rgba[i + 2] as number)
  return n === 0 ? 0 : sum / n
}

export type LumaMeter = (frame: CanvasImageSource) => number

export function makeLumaMeter(): LumaMeter {
  const canvas = new OffscreenCanvas(SAMPLE_WIDTH, SAMPLE_HEIGHT)
  const ctx = canvas.getContext('2d', { willReadFrequently: true })
  if (!ctx) return () => NaN
  return (frame) => {
    ctx.drawImage(frame, 0, 0, SAMPLE_WIDTH, SAMPLE_HEIGHT)
    return meanLuma(ctx.getImageData(0, 0, SAMPLE_WIDTH, SAMPLE_HEIGHT).data)
  }
}
