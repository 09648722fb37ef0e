import { describe, expect, it } from 'vitest'
import { SIGN_FRAME_FEATURE_SIZE } from '../../../../shared/features/signFeatures'
import { takeSequence } from './customSignTemplates'
import { SEQUENCE_STEPS, sequenceDistance, STEP_SIZE } from './signSequence'
import { atPace, mirrored, reference } from './testSigns'

const seq = (label: string, pace = 1) => takeSequence(atPace(reference(label), pace)).sequence

describe('custom sign sequences', () => {
  it('reads the shared per-frame features as two hands of 46 values each', () => {
    // signSequence.ts indexes into signFrameFeatures' layout; a change there must be seen here.
    expect(SIGN_FRAME_FEATURE_SIZE).toBe(92)
    expect(seq('hello').length).toBe(SEQUENCE_STEPS * STEP_SIZE)
  })

  it('puts a take at no distance from itself', () => {
    expect(sequenceDistance(seq('hello'), seq('hello'))).toBe(0)
  })

  it('finds the same sign signed slower or faster close, and other signs far', () => {
    const hello = seq('hello')
    const sameSlower = sequenceDistance(hello, seq('hello', 1.4))
    const sameFaster = sequenceDistance(hello, seq('hello', 0.7))
    expect(sameSlower).toBeLessThan(0.1)
    expect(sameFaster).toBeLessThan(0.1)
    for (const other of ['please', 'thank-you', 'yes', 'B', 'J']) expect(sequenceDistance(hello, seq(other))).toBeGreaterThan(0.4)
  })

  it('is symmetric', () => {
    expect(sequenceDistance(seq('yes'), seq('please', 1.2))).toBeCloseTo(sequenceDistance(seq('please', 1.2), seq('yes')), 9)
  })

  it('sees a left-handed signer as the same sign', () => {
    const right = takeSequence(reference('J')).sequence
    const left = takeSequence(mirrored(reference('J'))).sequence
    expect(sequenceDistance(right, left)).toBeLessThan(0.01)
  })
})
