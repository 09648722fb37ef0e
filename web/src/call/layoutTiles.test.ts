import { describe, expect, it } from 'vitest'
import { columnsFor, layoutTiles, togglePin } from './layoutTiles'

describe('layoutTiles', () => {
  it('puts everyone on the stage when nothing is pinned', () => {
    expect(layoutTiles(['me', 'ana', 'bo'], [])).toEqual({ stage: ['me', 'ana', 'bo'], strip: [], columns: 2 })
  })

  it('keeps a pinned tile large and moves everyone else to the strip', () => {
    expect(layoutTiles(['me', 'ana', 'bo', 'cy'], ['bo'])).toEqual({ stage: ['bo'], strip: ['me', 'ana', 'cy'], columns: 1 })
  })

  it('shows several pinned tiles side by side, in the order they were pinned', () => {
    const layout = layoutTiles(['me', 'ana', 'bo', 'cy'], ['cy', 'ana'])
    expect(layout.stage).toEqual(['cy', 'ana'])
    expect(layout.strip).toEqual(['me', 'bo'])
    expect(layout.columns).toBe(2)
  })

  it('ignores the pin of someone who has left', () => {
    expect(layoutTiles(['me', 'ana'], ['gone'])).toEqual({ stage: ['me', 'ana'], strip: [], columns: 2 })
    expect(layoutTiles(['me', 'ana'], ['gone', 'ana']).stage).toEqual(['ana'])
  })

  it('lets a viewer pin everyone, leaving the strip empty', () => {
    expect(layoutTiles(['me', 'ana'], ['ana', 'me'])).toEqual({ stage: ['ana', 'me'], strip: [], columns: 2 })
  })

  it('counts a pin listed twice once', () => {
    expect(layoutTiles(['me', 'ana'], ['ana', 'ana']).stage).toEqual(['ana'])
  })
})

describe('columnsFor', () => {
  it('grows the grid so it stays near square', () => {
    expect([0, 1, 2, 3, 4, 5, 9, 10].map(columnsFor)).toEqual([1, 1, 2, 2, 2, 3, 3, 4])
  })
})

describe('togglePin', () => {
  it('pins then unpins', () => {
    expect(togglePin([], 'ana')).toEqual(['ana'])
    expect(togglePin(['ana', 'bo'], 'ana')).toEqual(['bo'])
    expect(togglePin(['ana'], 'bo')).toEqual(['ana', 'bo'])
  })
})
