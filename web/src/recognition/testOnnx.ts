/**
 * @module Test support: a small but real ONNX model (MatMul by a seeded random matrix, then Softmax)
 * encoded straight to protobuf (onnx.proto: ModelProto, GraphProto, NodeProto, TensorProto,
 * ValueInfoProto), with a manifest for it. The engine's refusal and backend tests need a model the
 * runtime accepts whatever the trained models of the day are; recognition quality is tested with
 * those (models/<id>/).
 */
import { LETTER_FEATURE_SIZE } from '../../../shared/features/letterFeatures'
import { FEATURE_VERSION } from '../../../shared/features/version'
import { sha256Hex } from './classifier'

const FLOAT = 1
const IR_VERSION = 8
const OPSET = 13

class Proto {
  private bytes: number[] = []
  varint(field: number, v: number) {
    this.key(field, 0)
    this.raw(v)
    return this
  }
  bytesField(field: number, data: Uint8Array) {
    this.key(field, 2)
    this.raw(data.length)
    for (const b of data) this.bytes.push(b)
    return this
  }
  string(field: number, s: string) {
    return this.bytesField(field, new TextEncoder().encode(s))
  }
  message(field: number, m: Proto) {
    return this.bytesField(field, m.finish())
  }
  finish() {
    return Uint8Array.from(this.bytes)
  }
  private key(field: number, wire: number) {
    this.raw(field * 8 + wire)
  }
  private raw(v: number) {
    let x = v
    while (x > 0x7f) {
      this.bytes.push((x & 0x7f) | 0x80)
      x = Math.floor(x / 128)
    }
    this.bytes.push(x)
  }
}

const valueInfo = (name: string, dims: number[]) => {
  const shape = new Proto()
  for (const d of dims) shape.message(1, new Proto().varint(1, d))
  const tensor = new Proto().varint(1, FLOAT).message(2, shape)
  return new Proto().string(1, name).message(2, new Proto().message(1, tensor))
}

/** Seeded so a test model is the same every run (mulberry32). */
function random(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5
  }
}

/** `gain` scales the weights: a large gain makes a confident (if arbitrary) classifier. */
export function linearSoftmaxOnnx(inputs: number, classes: number, gain = 1, names = { input: 'features', output: 'probabilities' }): Uint8Array {
  const rnd = random(inputs * 1000 + classes)
  const weights = Float32Array.from({ length: inputs * classes }, () => gain * rnd())
  const w = new Proto()
    .varint(1, inputs)
    .varint(1, classes)
    .varint(2, FLOAT)
    .string(8, 'W')
    .bytesField(9, new Uint8Array(weights.buffer))
  const graph = new Proto()
    .message(1, new Proto().string(1, names.input).string(1, 'W').string(2, 'logits').string(3, 'matmul').string(4, 'MatMul'))
    .message(1, new Proto().string(1, 'logits').string(2, names.output).string(3, 'softmax').string(4, 'Softmax'))
    .string(2, 'test-linear')
    .message(5, w)
    .message(11, valueInfo(names.input, [1, inputs]))
    .message(12, valueInfo(names.output, [1, classes]))
  return new Proto()
    .varint(1, IR_VERSION)
    .string(2, 'silenttalk-tests')
    .message(7, graph)
    .message(8, new Proto().string(1, '').varint(2, OPSET))
    .finish()
}

export async function testLetterModel(overrides: Record<string, unknown> = {}, gain = 1) {
  const labels = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ']
  const bytes = linearSoftmaxOnnx(LETTER_FEATURE_SIZE, labels.length, gain)
  const manifest = {
    id: 'test-letters',
    name: 'Test letters (random weights)',
    language: 'ASL',
    kind: 'letter',
    labels,
    featureVersion: FEATURE_VERSION,
    inputShape: [1, LETTER_FEATURE_SIZE],
    inputName: 'features',
    outputName: 'probabilities',
    files: [{ path: 'model.onnx', bytes: bytes.length, sha256: await sha256Hex(bytes) }],
    ...overrides,
  }
  return { manifest, bytes }
}
