import { describe, expect, it } from 'vitest'
import { bestGrid, layoutTiles, togglePin } from './layoutTiles'

describe('layoutTiles', () => {
  it('puts everyone on the stage when nothing is pinned', () => {
    expect(layoutTiles(['me', 'ana', 'bo'], [])).toEqual({ stage: ['me', 'ana', 'bo'], strip: [] })
  })

  it('keeps a pinned tile large and moves everyone else to the strip', () => {
    expect(layoutTiles(['me', 'ana', 'bo', 'cy'], ['bo'])).toEqual({ stage: ['bo'], strip: ['me', 'ana', 'cy'] })
  })

  it('shows several pinned tiles side by side, in the order they were pinned', () => {
    const layout = layoutTiles(['me', 'ana', 'bo', 'cy'], ['cy', 'ana'])
    expect(layout.stage).toEqual(['cy', 'ana'])
    expect(layout.strip).toEqual(['me', 'bo'])
  })

  it('ignores the pin of someone who has left', () => {
    expect(layoutTiles(['me', 'ana'], ['gone'])).toEqual({ stage: ['me', 'ana'], strip: [] })
    expect(layoutTiles(['me', 'ana'], ['gone', 'ana']).stage).toEqual(['ana'])
  })

  it('lets a viewer pin everyone, leaving the strip empty', () => {
    expect(layoutTiles(['me', 'ana'], ['ana', 'me'])).toEqual({ stage: ['ana', 'me'], strip: [] })
  })

  it('counts a pin listed twice once', () => {
    expect(layoutTiles(['me', 'ana'], ['ana', 'ana']).stage).toEqual(['ana'])
  })
})

describe('bestGrid', () => {
  it('puts two people side by side on a laptop screen', () => {
    expect(bestGrid(2, 1200, 600)).toEqual({ columns: 2, rows: 1 })
  })

  it('stacks two people on a phone held upright', () => {
    expect(bestGrid(2, 380, 700)).toEqual({ columns: 1, rows: 2 })
  })

  it('makes a near-square grid for a crowd on a wide screen', () => {
    expect(bestGrid(4, 1200, 900)).toEqual({ columns: 2, rows: 2 })
    expect(bestGrid(8, 1600, 800)).toEqual({ columns: 4, rows: 2 })
  })

  it('gives one tile the whole stage', () => {
    expect(bestGrid(1, 800, 600)).toEqual({ columns: 1, rows: 1 })
  })

  it('prefers fewer columns when two grids give the same tile size', () => {
    // 3 tiles in 900×300: 3×1 gives 300 px wide tiles, limited by height to 300×4/3 = 400; 2×2 gives 200.
    expect(bestGrid(3, 900, 300)).toEqual({ columns: 3, rows: 1 })
    expect(bestGrid(1, 100, 100)).toEqual({ columns: 1, rows: 1 })
  })

  it('accounts for the gaps between tiles', () => {
    // 798×600: stacked tiles are 400 px wide against 399 side by side; a 16 px gap takes more from
    // the stacked pair (which loses height, worth 4/3 of width) and tips it the other way.
    expect(bestGrid(2, 798, 600)).toEqual({ columns: 1, rows: 2 })
    expect(bestGrid(2, 798, 600, 16)).toEqual({ columns: 2, rows: 1 })
  })
})

describe('togglePin', () => {
  it('pins then unpins', () => {
    expect(togglePin([], 'ana')).toEqual(['ana'])
    expect(togglePin(['ana', 'bo'], 'ana')).toEqual(['bo'])
    expect(togglePin(['ana'], 'bo')).toEqual(['ana', 'bo'])
  })
})
