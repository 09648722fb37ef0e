/**
 * @module WCAG 2.1 contrast (success criterion 1.4.3; relative luminance and contrast ratio as
 * defined in its glossary) for caption text on a see-through background over live video. Pure.
 */

export type Rgb = { r: number; g: number; b: number }
/** AA for normal-size text; captions are often larger, but small captions must pass too. */
export const AA_CONTRAST = 4.5

export function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`)
  return { r: parseInt(m[1]!, 16), g: parseInt(m[2]!, 16), b: parseInt(m[3]!, 16) }
}

export function relativeLuminance({ r, g, b }: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)]
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
}

/** `fg` at `alpha` painted over `backdrop` (sRGB compositing, as browsers paint). */
export function composite(fg: Rgb, alpha: number, backdrop: Rgb): Rgb {
  const mix = (f: number, b: number) => f * alpha + b * (1 - alpha)
  return { r: mix(fg.r, backdrop.r), g: mix(fg.g, backdrop.g), b: mix(fg.b, backdrop.b) }
}

const BLACK: Rgb = { r: 0, g: 0, b: 0 }
const WHITE: Rgb = { r: 255, g: 255, b: 255 }

/**
 * The lowest contrast `text` can have on `background` at `alpha` whatever the video behind shows.
 * Luminance rises with every channel, so the composite's luminance lies between what it is over
 * black and over white; the contrast is lowest at that range's end nearest the text's luminance,
 * or 1 when the text's luminance falls inside it.
 */
export function worstCaseContrast(text: Rgb, background: Rgb, alpha: number): number {
  const lo = relativeLuminance(composite(background, alpha, BLACK))
  const hi = relativeLuminance(composite(background, alpha, WHITE))
  const lt = relativeLuminance(text)
  if (lt >= lo && lt <= hi) return 1
  return lt > hi ? (lt + 0.05) / (hi + 0.05) : (lo + 0.05) / (lt + 0.05)
}
