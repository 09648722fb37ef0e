import { beforeAll, describe, expect, it } from 'vitest'
import fixtures from '../../shared/features/fixtures/mit-observations.json'
import type { HandObservation } from '../../shared/features/observation'
import type { LetterSample } from '../data/types'
import { LETTER_NET, letterEpoch } from '../recipes/letters'
import { useTrainingBackend } from './backend'
import { fitNet } from './fit'
import { denseWeights } from './net'
import { makeRandom } from './random'

const samples: LetterSample[] = fixtures.letters.map((l) => ({
  person: l.source,
  source: 'fixture',
  label: l.label,
  hand: l.observation.hands[0] as HandObservation,
  aspect: l.observation.aspect,
}))

async function train(seed: number) {
  const rnd = makeRandom(seed)
  const net = await fitNet(LETTER_NET, { epochs: 2, batchSize: 8, learningRate: 1e-2, seed, makeEpoch: () => letterEpoch(samples, 5, rnd) })
  return denseWeights(net).flatMap((w) => [...w.kernel, ...w.bias])
}

beforeAll(() => useTrainingBackend())

describe('training', () => {
  it('is reproducible: the same seed gives the same weights, another seed other weights', async () => {
    const a = await train(11)
    expect(await train(11)).toEqual(a)
    expect(await train(12)).not.toEqual(a)
  })
})
