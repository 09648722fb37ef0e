import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { confusionPng } from './confusionPng'
import { argmaxRows, formatReport, scoreReport } from './metrics'

const labels = ['A', 'B', 'C']
const results = [
  { truth: 0, predicted: 0, person: 'p1' },
  { truth: 0, predicted: 1, person: 'p1' },
  { truth: 1, predicted: 1, person: 'p2' },
  { truth: 1, predicted: 1, person: 'p2' },
  { truth: 2, predicted: 1, person: 'p2' },
]

describe('scoreReport', () => {
  const r = scoreReport(labels, results)

  it('counts accuracy overall and per person', () => {
    expect(r.accuracy).toBeCloseTo(3 / 5)
    expect(r.people).toEqual([
      { person: 'p1', total: 2, accuracy: 0.5 },
      { person: 'p2', total: 3, accuracy: 2 / 3 },
    ])
  })

  it('gives precision and recall per class, NaN where a class was never predicted', () => {
    expect(r.classes[0]).toEqual({ label: 'A', support: 2, precision: 1, recall: 0.5 })
    expect(r.classes[1]).toEqual({ label: 'B', support: 2, precision: 0.5, recall: 1 })
    expect(r.classes[2]!.recall).toBe(0)
    expect(r.classes[2]!.precision).toBeNaN()
  })

  it('fills the confusion matrix as [truth][predicted]', () => {
    expect(r.confusion).toEqual([
      [1, 1, 0],
      [0, 2, 0],
      [0, 1, 0],
    ])
  })

  it('prints a table with every person and class', () => {
    const text = formatReport(r, 'test')
    expect(text).toContain('60.0% top-1 on 5 samples')
    expect(text).toMatch(/p2\s+66\.7%/)
    expect(text).toMatch(/B\s+50\.0%\s+100\.0%\s+2/)
  })
})

describe('argmaxRows', () => {
  it('picks the largest score of each row', () => {
    expect(argmaxRows(new Float32Array([0.1, 0.7, 0.2, 0.5, 0.3, 0.2]), 3)).toEqual([1, 0])
  })
})

describe('confusionPng', () => {
  it('draws a square PNG with one shaded cell per pair, darkest on the dominant cells', () => {
    const png = PNG.sync.read(confusionPng(labels, [[9, 1, 0], [0, 10, 0], [0, 5, 5]]))
    expect(png.width).toBe(png.height)
    const pixel = (x: number, y: number) => png.data[(y * png.width + x) * 4]!
    const margin = png.width - 4 - 3 * 18
    const cell = (r: number, c: number) => pixel(margin + c * 18 + 9, margin + r * 18 + 9)
    expect(cell(1, 1)).toBeLessThan(cell(0, 0))
    expect(cell(0, 0)).toBeLessThan(cell(0, 1))
    expect(cell(0, 2)).toBe(255)
  })
})
