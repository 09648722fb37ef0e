/**
 * @module The training loop shared by every model: a fresh batch of augmented samples each epoch
 * (drawn by the model's recipe with a seeded random source), Adam with cosine-decayed learning rate,
 * sparse cross-entropy. Deterministic for a given seed on one backend.
 */
import * as tf from '@tensorflow/tfjs-core'
import type * as tfl from '@tensorflow/tfjs-layers'
import { useTrainingBackend } from './backend'
import { buildNet, type NetSpec } from './net'

export type EpochData = { x: Float32Array; y: Int32Array; rows: number }

export type FitOptions = {
  epochs: number
  batchSize: number
  learningRate: number
  seed: number
  /** Builds epoch `e`'s (already shuffled) samples. */
  makeEpoch: (epoch: number) => EpochData
  log?: (line: string) => void
}

export async function fitNet(spec: NetSpec, opts: FitOptions): Promise<tfl.Sequential> {
  await useTrainingBackend()
  const net = buildNet(spec, opts.seed)
  const optimizer = tf.train.adam(opts.learningRate)
  net.compile({ optimizer, loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] })
  for (let e = 0; e < opts.epochs; e++) {
    const lr = opts.learningRate * (0.05 + 0.95 * 0.5 * (1 + Math.cos((Math.PI * e) / opts.epochs)))
    // AdamOptimizer reads its learningRate field on every step; there is no public setter.
    Object.assign(optimizer, { learningRate: lr })
    const t0 = performance.now()
    const data = opts.makeEpoch(e)
    const tBuild = performance.now() - t0
    const x = tf.tensor(data.x, [data.rows, ...spec.inputShape])
    const y = tf.tensor1d(data.y, 'float32')
    const h = await net.fit(x, y, { batchSize: opts.batchSize, epochs: 1, shuffle: false, verbose: 0 })
    x.dispose()
    y.dispose()
    const loss = Number(h.history.loss?.[0])
    const acc = Number(h.history.acc?.[0] ?? h.history.accuracy?.[0])
    opts.log?.(
      `epoch ${e + 1}/${opts.epochs} lr ${lr.toExponential(1)} loss ${loss.toFixed(4)} acc ${acc.toFixed(3)} ` +
        `(${data.rows} samples, build ${(tBuild / 1000).toFixed(1)} s, fit ${((performance.now() - t0 - tBuild) / 1000).toFixed(1)} s)`,
    )
  }
  return net
}
