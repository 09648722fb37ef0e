/**
 * @module Draws a confusion matrix as a PNG (pngjs): one cell per (true, predicted) pair, shaded by
 * the share of the true class's samples (row-normalised, white = 0 → dark blue = 1), with a red
 * outline where an off-diagonal cell holds ≥ 10% of a class. Labels are drawn in a 5×7 bitmap font.
 */
import { writeFileSync } from 'node:fs'
import { PNG } from 'pngjs'

const GLYPHS: Record<string, number[]> = {
  A: [14, 17, 17, 31, 17, 17, 17], B: [30, 17, 17, 30, 17, 17, 30], C: [14, 17, 16, 16, 16, 17, 14],
  D: [30, 17, 17, 17, 17, 17, 30], E: [31, 16, 16, 30, 16, 16, 31], F: [31, 16, 16, 30, 16, 16, 16],
  G: [14, 17, 16, 23, 17, 17, 15], H: [17, 17, 17, 31, 17, 17, 17], I: [14, 4, 4, 4, 4, 4, 14],
  J: [7, 2, 2, 2, 2, 18, 12], K: [17, 18, 20, 24, 20, 18, 17], L: [16, 16, 16, 16, 16, 16, 31],
  M: [17, 27, 21, 21, 17, 17, 17], N: [17, 17, 25, 21, 19, 17, 17], O: [14, 17, 17, 17, 17, 17, 14],
  P: [30, 17, 17, 30, 16, 16, 16], Q: [14, 17, 17, 17, 21, 18, 13], R: [30, 17, 17, 30, 20, 18, 17],
  S: [15, 16, 16, 14, 1, 1, 30], T: [31, 4, 4, 4, 4, 4, 4], U: [17, 17, 17, 17, 17, 17, 14],
  V: [17, 17, 17, 17, 17, 10, 4], W: [17, 17, 17, 21, 21, 21, 10], X: [17, 17, 10, 4, 10, 17, 17],
  Y: [17, 17, 17, 10, 4, 4, 4], Z: [31, 1, 2, 4, 8, 16, 31], '-': [0, 0, 0, 31, 0, 0, 0], ' ': [0, 0, 0, 0, 0, 0, 0],
}

const CELL = 18
const CHAR_W = 6
const PAD = 4

export function confusionPng(labels: string[], confusion: number[][]): Buffer {
  const text = labels.map((l) => l.toUpperCase())
  const margin = PAD * 2 + CHAR_W * Math.max(...text.map((t) => t.length))
  const n = labels.length
  const size = margin + n * CELL + PAD
  const png = new PNG({ width: size, height: size })
  png.data.fill(255)
  const set = (x: number, y: number, [r, g, b]: [number, number, number]) => {
    if (x < 0 || y < 0 || x >= size || y >= size) return
    const i = (y * size + x) * 4
    png.data[i] = r
    png.data[i + 1] = g
    png.data[i + 2] = b
    png.data[i + 3] = 255
  }
  const ink: [number, number, number] = [30, 30, 30]
  const glyph = (ch: string, x: number, y: number) =>
    (GLYPHS[ch] ?? GLYPHS[' ']!).forEach((row, dy) => {
      for (let dx = 0; dx < 5; dx++) if (row & (16 >> dx)) set(x + dx, y + dy, ink)
    })

  text.forEach((t, i) => {
    // Row labels (truth) right-aligned on the left; column labels (prediction) written downwards above.
    const y = margin + i * CELL + (CELL - 7) / 2
    ;[...t].forEach((ch, k) => glyph(ch, margin - PAD - (t.length - k) * CHAR_W, Math.round(y)))
    const x = margin + i * CELL + (CELL - 5) / 2
    ;[...t].forEach((ch, k) => glyph(ch, Math.round(x), margin - PAD - (t.length - k) * 8))
  })

  confusion.forEach((row, r) => {
    const total = row.reduce((a, b) => a + b, 0)
    row.forEach((count, c) => {
      const share = total ? count / total : 0
      const shade: [number, number, number] = [Math.round(255 - 225 * share), Math.round(255 - 190 * share), Math.round(255 - 90 * share)]
      const flagged = r !== c && share >= 0.1
      for (let dy = 0; dy < CELL - 1; dy++)
        for (let dx = 0; dx < CELL - 1; dx++) {
          const edge = dx === 0 || dy === 0 || dx === CELL - 2 || dy === CELL - 2
          set(margin + c * CELL + dx, margin + r * CELL + dy, flagged && edge ? [220, 30, 30] : shade)
        }
    })
  })
  return PNG.sync.write(png)
}

export function writeConfusionPng(path: string, labels: string[], confusion: number[][]) {
  writeFileSync(path, confusionPng(labels, confusion))
}
