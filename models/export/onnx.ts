/**
 * @module Writes a trained network as an ONNX model that onnxruntime-web runs, encoding the
 * protobuf messages directly (ModelProto, GraphProto, NodeProto, TensorProto, ValueInfoProto from
 * onnx/onnx.proto; ir_version 8, opset 13). A dense layer becomes Gemm on [batch, F] input, or MatMul +
 * Add on [batch, T, F] input (the same weights applied at every time step); flatten becomes Reshape;
 * dropout disappears (inference); the head is Softmax over the last axis.
 */
import { ProtoWriter } from './protobuf'

/** What the exporter needs of a network: its input shape (no batch) and layers with weights. */
export type ExportLayer =
  | { type: 'dense'; kernel: Float32Array; bias: Float32Array; inputs: number; units: number; activation: 'relu' | 'linear' | 'softmax' }
  | { type: 'flatten' }

export type ExportGraph = { inputShape: number[]; layers: ExportLayer[]; inputName: string; outputName: string; docString?: string }

const FLOAT = 1
const INT64 = 7
const IR_VERSION = 8
const OPSET = 13

export function encodeOnnx(g: ExportGraph): Uint8Array {
  const nodes: ProtoWriter[] = []
  const inits: ProtoWriter[] = []
  let shape = [...g.inputShape]
  let current = g.inputName
  let n = 0
  const next = (stem: string) => `${stem}_${n++}`
  let dense = 0

  for (const layer of g.layers) {
    if (layer.type === 'flatten') {
      const size = shape.reduce((a, b) => a * b, 1)
      const target = next('flatten_shape')
      inits.push(int64Tensor(target, [2], [-1, size]))
      const out = next('flat')
      nodes.push(node('Reshape', [current, target], [out], next('reshape')))
      current = out
      shape = [size]
      continue
    }
    if (shape[shape.length - 1] !== layer.inputs) throw new Error(`dense layer expects ${layer.inputs} inputs, graph has ${shape.join('×')}`)
    const W = `dense${dense}_W`
    const B = `dense${dense++}_B`
    inits.push(floatTensor(W, [layer.inputs, layer.units], layer.kernel))
    inits.push(floatTensor(B, [layer.units], layer.bias))
    let out = next('dense')
    if (shape.length === 1) {
      nodes.push(node('Gemm', [current, W, B], [out], next('gemm')))
    } else {
      const mm = next('matmul')
      nodes.push(node('MatMul', [current, W], [mm], next('matmul_op')))
      nodes.push(node('Add', [mm, B], [out], next('add')))
    }
    shape = [...shape.slice(0, -1), layer.units]
    if (layer.activation === 'relu') {
      const r = next('relu')
      nodes.push(node('Relu', [out], [r], next('relu_op')))
      out = r
    } else if (layer.activation === 'softmax') {
      nodes.push(node('Softmax', [out], [g.outputName], next('softmax'), [intAttr('axis', -1)]))
      out = g.outputName
    }
    current = out
  }
  if (current !== g.outputName) nodes.push(node('Identity', [current], [g.outputName], next('identity')))

  const graph = new ProtoWriter()
  for (const nd of nodes) graph.message(1, nd)
  graph.string(2, 'silenttalk')
  for (const t of inits) graph.message(5, t)
  graph.message(11, valueInfo(g.inputName, ['batch', ...g.inputShape]))
  graph.message(12, valueInfo(g.outputName, ['batch', ...shape]))

  const model = new ProtoWriter()
    .int(1, IR_VERSION)
    .string(2, 'silenttalk-models')
    .string(3, '1')
  if (g.docString) model.string(6, g.docString)
  model.message(7, graph).message(8, new ProtoWriter().string(1, '').int(2, OPSET))
  return model.finish()
}

function node(op: string, inputs: string[], outputs: string[], name: string, attrs: ProtoWriter[] = []) {
  const w = new ProtoWriter()
  for (const i of inputs) w.string(1, i)
  for (const o of outputs) w.string(2, o)
  w.string(3, name).string(4, op)
  for (const a of attrs) w.message(5, a)
  return w
}

function intAttr(name: string, v: number) {
  return new ProtoWriter().string(1, name).int(3, v).int(20, 2)
}

function floatTensor(name: string, dims: number[], data: Float32Array) {
  if (data.length !== dims.reduce((a, b) => a * b, 1)) throw new Error(`${name}: ${data.length} values for dims ${dims}`)
  const raw = new Uint8Array(data.length * 4)
  const dv = new DataView(raw.buffer)
  data.forEach((v, i) => dv.setFloat32(4 * i, v, true))
  return new ProtoWriter().packedInts(1, dims).int(2, FLOAT).string(8, name).bytes(9, raw)
}

function int64Tensor(name: string, dims: number[], data: number[]) {
  const raw = new Uint8Array(data.length * 8)
  const dv = new DataView(raw.buffer)
  data.forEach((v, i) => dv.setBigInt64(8 * i, BigInt(v), true))
  return new ProtoWriter().packedInts(1, dims).int(2, INT64).string(8, name).bytes(9, raw)
}

function valueInfo(name: string, dims: (number | string)[]) {
  const shape = new ProtoWriter()
  for (const d of dims) shape.message(1, typeof d === 'number' ? new ProtoWriter().int(1, d) : new ProtoWriter().string(2, d))
  const tensorType = new ProtoWriter().int(1, FLOAT).message(2, shape)
  return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType))
}
