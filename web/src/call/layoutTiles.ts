/**
 * @module Where each tile goes. A viewer pins the people they must watch (an interpreter, a
 * signer); pinned tiles share the stage at full size and everyone else moves to a strip, so the
 * hands that carry the conversation are never shrunk by a crowd.
 */

export type TileLayout = {
  /** Large tiles, sharing the stage (see `bestGrid`). */
  stage: string[]
  /** Small tiles below the stage; empty when nothing is pinned. */
  strip: string[]
}

/**
 * `tiles` is every tile in display order (the viewer's own first); `pinned` the ids the viewer
 * pinned, in the order they pinned them. Pins of people who have left are ignored.
 */
export function layoutTiles(tiles: readonly string[], pinned: readonly string[]): TileLayout {
  const present = new Set(tiles)
  const stage = pinned.filter((id, i) => present.has(id) && pinned.indexOf(id) === i)
  if (stage.length === 0) return { stage: [...tiles], strip: [] }
  const onStage = new Set(stage)
  return { stage, strip: tiles.filter((id) => !onStage.has(id)) }
}

/** Camera video is 4:3 (encoding.ts); tiles letterbox anything else. */
export const TILE_ASPECT = 4 / 3

/**
 * The grid that shows `count` tiles of `aspect` as large as possible in a `widthPx` × `heightPx`
 * stage with `gapPx` between tiles: two people side by side on a laptop, one above the other on
 * a phone held upright.
 */
export function bestGrid(count: number, widthPx: number, heightPx: number, gapPx = 0, aspect = TILE_ASPECT): { columns: number; rows: number } {
  let best = { columns: 1, rows: Math.max(1, count), tileWidthPx: -1 }
  for (let columns = 1; columns <= Math.max(1, count); columns++) {
    const rows = Math.ceil(count / columns)
    const cellW = (widthPx - gapPx * (columns - 1)) / columns
    const cellH = (heightPx - gapPx * (rows - 1)) / rows
    const tileWidthPx = Math.min(cellW, cellH * aspect)
    if (tileWidthPx > best.tileWidthPx + 0.5) best = { columns, rows, tileWidthPx }
  }
  return { columns: best.columns, rows: best.rows }
}

/** Pins `id` (appended, so the earliest pin stays first) or unpins it. */
export function togglePin(pinned: readonly string[], id: string): string[] {
  return pinned.includes(id) ? pinned.filter((p) => p !== id) : [...pinned, id]
}
