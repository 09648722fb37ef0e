/** @module A trained TF.js network (built by `buildNet`) → the exporter's graph description. */
import type * as tfl from '@tensorflow/tfjs-layers'
import { denseWeights, type NetSpec } from '../train/net'
import type { ExportGraph, ExportLayer } from './onnx'

export function exportGraph(net: tfl.Sequential, spec: NetSpec, names: { inputName: string; outputName: string; docString?: string }): ExportGraph {
  const weights = denseWeights(net)
  const layers: ExportLayer[] = []
  let w = 0
  for (const l of spec.hidden) {
    if (l.type === 'dense') layers.push({ type: 'dense', activation: l.activation, ...weights[w++]! })
    else if (l.type === 'flatten') layers.push({ type: 'flatten' })
  }
  layers.push({ type: 'dense', activation: 'softmax', ...weights[w++]! })
  if (w !== weights.length) throw new Error(`network has ${weights.length} dense layers, spec ${w}`)
  return { inputShape: spec.inputShape, layers, ...names }
}
