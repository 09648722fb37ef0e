/**
 * @module The app's icons, drawn at build time (no binary in git): a raised open hand in white on
 * the brand blue, with a caption bar under it. Shapes are signed distance fields sampled 4×4 per
 * pixel, so edges are smooth at every size.
 *
 * `any` icons are a rounded square with transparent corners. `maskable` icons fill the whole
 * square and keep the drawing inside the central 80% circle that every launcher mask leaves
 * visible (W3C Web App Manifest, "icon masks": the safe zone is a circle of radius 40%).
 */
import { PNG } from 'pngjs'

export type IconPurpose = 'any' | 'maskable'
export type IconSpec = { file: string; sizePx: number; purpose: IconPurpose }

export const BRAND_BLUE = [0x0b, 0x3d, 0x91] as const
const WHITE = [0xff, 0xff, 0xff] as const
const CAPTION = [0x8e, 0xcb, 0xff] as const

/** The files the manifest and index.html name (web/public/manifest.webmanifest). */
export const ICONS: readonly IconSpec[] = [
  { file: 'icons/icon-192.png', sizePx: 192, purpose: 'any' },
  { file: 'icons/icon-512.png', sizePx: 512, purpose: 'any' },
  { file: 'icons/maskable-192.png', sizePx: 192, purpose: 'maskable' },
  { file: 'icons/maskable-512.png', sizePx: 512, purpose: 'maskable' },
  { file: 'icons/apple-touch-icon.png', sizePx: 180, purpose: 'maskable' },
  { file: 'icons/favicon-32.png', sizePx: 32, purpose: 'any' },
]

type Sdf = (x: number, y: number) => number

const circle = (cx: number, cy: number, r: number): Sdf => (x, y) => Math.hypot(x - cx, y - cy) - r

/** A stadium from (ax, ay) to (bx, by) with radius r: one finger. */
const capsule = (ax: number, ay: number, bx: number, by: number, r: number): Sdf => (x, y) => {
  const px = x - ax
  const py = y - ay
  const dx = bx - ax
  const dy = by - ay
  const h = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)))
  return Math.hypot(px - dx * h, py - dy * h) - r
}

const roundedBox = (cx: number, cy: number, hw: number, hh: number, r: number): Sdf => (x, y) => {
  const qx = Math.abs(x - cx) - hw + r
  const qy = Math.abs(y - cy) - hh + r
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r
}

const union = (...fs: Sdf[]): Sdf => (x, y) => {
  let d = Infinity
  for (const f of fs) d = Math.min(d, f(x, y))
  return d
}

/** The hand in unit coordinates (0..1, y down), centred on (0.5, 0.44), within radius ~0.34. */
const HAND = union(
  roundedBox(0.5, 0.56, 0.14, 0.13, 0.07),
  capsule(0.4, 0.47, 0.38, 0.25, 0.042),
  capsule(0.47, 0.45, 0.47, 0.19, 0.044),
  capsule(0.54, 0.45, 0.56, 0.21, 0.042),
  capsule(0.6, 0.49, 0.64, 0.3, 0.038),
  capsule(0.37, 0.6, 0.27, 0.46, 0.045),
)
const CAPTION_BAR = roundedBox(0.5, 0.8, 0.2, 0.035, 0.035)

/** Coverage of `sdf` at a pixel: 4×4 samples, each in or out, where an edge crosses it. */
function coverage(sdf: Sdf, px: number, py: number, sizePx: number, scale: number): number {
  const centre = sdf(((px + 0.5) / sizePx - 0.5) / scale + 0.5, ((py + 0.5) / sizePx - 0.5) / scale + 0.5)
  // Farther than a pixel's diagonal from the edge: wholly in or out, no need to sample.
  if (Math.abs(centre) > 1 / (sizePx * scale)) return centre <= 0 ? 1 : 0
  let inside = 0
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      // Pixel samples → the drawing's unit square, shrunk about the centre by `scale`.
      const u = ((px + (sx + 0.5) / 4) / sizePx - 0.5) / scale + 0.5
      const v = ((py + (sy + 0.5) / 4) / sizePx - 0.5) / scale + 0.5
      if (sdf(u, v) <= 0) inside++
    }
  }
  return inside / 16
}

/** One icon as PNG bytes. */
export function drawIcon(sizePx: number, purpose: IconPurpose): Buffer {
  const png = new PNG({ width: sizePx, height: sizePx })
  // A maskable icon's drawing must sit in the 80% safe circle; the hand and bar span ~0.7 of the
  // unit square, so 0.8 keeps them inside with margin. `any` icons use more of their square.
  const scale = purpose === 'maskable' ? 0.8 : 1
  const background: Sdf = purpose === 'maskable' ? () => -1 : roundedBox(0.5, 0.5, 0.5, 0.5, 0.18)
  for (let y = 0; y < sizePx; y++) {
    for (let x = 0; x < sizePx; x++) {
      const bg = coverage(background, x, y, sizePx, 1)
      const hand = coverage(HAND, x, y, sizePx, scale)
      const bar = coverage(CAPTION_BAR, x, y, sizePx, scale)
      const i = (y * sizePx + x) * 4
      for (let c = 0; c < 3; c++) {
        const base = BRAND_BLUE[c]!
        const withBar = base + (CAPTION[c]! - base) * bar
        png.data[i + c] = Math.round(withBar + (WHITE[c]! - withBar) * hand)
      }
      png.data[i + 3] = Math.round(255 * bg)
    }
  }
  return PNG.sync.write(png)
}
