import { describe, expect, it } from 'vitest'
import { calibrate, CALIBRATION } from './calibrate'
import { takeSequence } from './customSignTemplates'
import { atPace, reference } from './testSigns'

const take = (label: string, pace: number) => takeSequence(atPace(reference(label), pace)).sequence

describe('calibrating a custom sign', () => {
  it('allows at least the minimum even for three near-identical takes', () => {
    const c = calibrate([take('hello', 1), take('hello', 1.1), take('hello', 0.9)], [])
    expect(c.spread).toBeLessThan(0.1)
    expect(c.threshold).toBe(CALIBRATION.minThreshold)
    expect(c.outliers).toEqual([])
  })

  it('stays below the distance to a known sign the takes resemble', () => {
    const takes = [take('please', 1), take('please', 1.2), take('please', 0.85)]
    const wide = calibrate(takes, [])
    const withOthers = calibrate(takes, [take('please', 1.05)])
    expect(withOthers.nearestOther).toBeLessThan(0.1)
    expect(withOthers.threshold).toBeLessThan(wide.threshold)
    expect(withOthers.threshold).toBeLessThanOrEqual(CALIBRATION.otherSignShare * withOthers.nearestOther!)
  })

  it('points out a take that is a different sign', () => {
    const c = calibrate([take('hello', 1), take('hello', 1.1), take('yes', 1)], [])
    expect(c.outliers).toEqual([2])
    expect(c.threshold).toBe(CALIBRATION.maxThreshold)
  })
})
