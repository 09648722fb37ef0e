/**
 * @module The classifier architectures, built in TF.js from one small spec so that the exporter can
 * write the same graph as ONNX: dense layers (applied per time step on a [T, F] input, like a 1×1
 * temporal convolution), flatten, dropout (training only), and a softmax head.
 */
import * as tf from '@tensorflow/tfjs-core'
import * as tfl from '@tensorflow/tfjs-layers'

export type LayerSpec =
  | { type: 'dense'; units: number; activation: 'relu' | 'linear' }
  | { type: 'flatten' }
  | { type: 'dropout'; rate: number }

export type NetSpec = {
  /** Without the batch dimension: `[F]` or `[T, F]`. */
  inputShape: number[]
  hidden: LayerSpec[]
  classes: number
}

/** A fresh network with seeded initialisers and dropout masks, ending in a softmax over `classes`. */
export function buildNet(spec: NetSpec, seed: number): tfl.Sequential {
  const net = tfl.sequential()
  let first = true
  let n = 0
  const input = () => (first ? { inputShape: spec.inputShape } : {})
  for (const l of [...spec.hidden, { type: 'dense', units: spec.classes, activation: 'softmax' } as const]) {
    n++
    if (l.type === 'dense') {
      net.add(
        tfl.layers.dense({
          ...input(),
          units: l.units,
          activation: l.activation,
          kernelInitializer: tfl.initializers.glorotUniform({ seed: seed + n }),
          biasInitializer: 'zeros',
        }),
      )
    } else if (l.type === 'flatten') {
      net.add(tfl.layers.flatten(input()))
    } else {
      net.add(tfl.layers.dropout({ ...input(), rate: l.rate, seed: seed + n }))
    }
    first = false
  }
  return net
}

/** Dense layers' weights in order: kernel [in, out] and bias [out], as plain arrays for export. */
export function denseWeights(net: tfl.Sequential): { kernel: Float32Array; bias: Float32Array; inputs: number; units: number }[] {
  const out = []
  for (const layer of net.layers) {
    if (layer.getClassName() !== 'Dense') continue
    const [k, b] = layer.getWeights() as [tf.Tensor, tf.Tensor]
    out.push({ kernel: k.dataSync() as Float32Array, bias: b.dataSync() as Float32Array, inputs: k.shape[0]!, units: k.shape[1]! })
  }
  return out
}

/** Loads dense weights (from an exported model) into a freshly built network of the same spec. */
export function setDenseWeights(net: tfl.Sequential, weights: { kernel: Float32Array; bias: Float32Array; inputs: number; units: number }[]) {
  const dense = net.layers.filter((l) => l.getClassName() === 'Dense')
  if (dense.length !== weights.length) throw new Error(`expected ${dense.length} dense layers, got ${weights.length}`)
  dense.forEach((layer, i) => {
    const w = weights[i]!
    layer.setWeights([tf.tensor2d(w.kernel, [w.inputs, w.units]), tf.tensor1d(w.bias)])
  })
}

export function predict(net: tfl.Sequential, x: Float32Array, rows: number, inputShape: number[]): Float32Array {
  return tf.tidy(() => (net.predict(tf.tensor(x, [rows, ...inputShape])) as tf.Tensor).dataSync() as Float32Array)
}
