/**
 * @module Where each tile goes. A viewer pins the people they must watch (an interpreter, a
 * signer); pinned tiles share the stage at full size and everyone else moves to a strip, so the
 * hands that carry the conversation are never shrunk by a crowd.
 */

export type TileLayout = {
  /** Large tiles, in a grid of `columns`. */
  stage: string[]
  /** Small tiles beside or below the stage; empty when nothing is pinned. */
  strip: string[]
  columns: number
}

/**
 * `tiles` is every tile in display order (the viewer's own first); `pinned` the ids the viewer
 * pinned, in the order they pinned them. Pins of people who have left are ignored.
 */
export function layoutTiles(tiles: readonly string[], pinned: readonly string[]): TileLayout {
  const present = new Set(tiles)
  const stage = pinned.filter((id, i) => present.has(id) && pinned.indexOf(id) === i)
  if (stage.length === 0) return { stage: [...tiles], strip: [], columns: columnsFor(tiles.length) }
  const onStage = new Set(stage)
  return { stage, strip: tiles.filter((id) => !onStage.has(id)), columns: columnsFor(stage.length) }
}

/** Columns for a near-square grid of 4:3 tiles: 1, 2, 2, 2, 3, 3, 3, 3, 3, 4… */
export function columnsFor(count: number): number {
  return Math.max(1, Math.ceil(Math.sqrt(count)))
}

/** Pins `id` (appended, so the earliest pin stays first) or unpins it. */
export function togglePin(pinned: readonly string[], id: string): string[] {
  return pinned.includes(id) ? pinned.filter((p) => p !== id) : [...pinned, id]
}
