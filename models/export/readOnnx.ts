/**
 * @module Reads back what `encodeOnnx` writes: the nodes' operator types and the float initializers,
 * so a test can rebuild the TF.js network from a committed model.onnx and check both compute the
 * same function. Only the protobuf fields our exporter uses are decoded.
 */

type Field = { no: number; wire: number; value: bigint | Uint8Array }

function* fields(b: Uint8Array): Generator<Field> {
  let at = 0
  const varint = () => {
    let v = 0n
    let shift = 0n
    for (;;) {
      const byte = b[at++]
      if (byte === undefined) throw new Error('truncated protobuf')
      v |= BigInt(byte & 0x7f) << shift
      if (!(byte & 0x80)) return v
      shift += 7n
    }
  }
  while (at < b.length) {
    const key = Number(varint())
    const no = key >> 3
    const wire = key & 7
    if (wire === 0) yield { no, wire, value: varint() }
    else if (wire === 2) {
      const len = Number(varint())
      yield { no, wire, value: b.subarray(at, at + len) }
      at += len
    } else if (wire === 5) {
      yield { no, wire, value: b.subarray(at, at + 4) }
      at += 4
    } else if (wire === 1) {
      yield { no, wire, value: b.subarray(at, at + 8) }
      at += 8
    } else throw new Error(`unsupported wire type ${wire}`)
  }
}

const text = (v: bigint | Uint8Array) => new TextDecoder().decode(v as Uint8Array)

export type OnnxTensor = { name: string; dims: number[]; data: Float32Array }
export type OnnxSummary = { ops: string[]; initializers: Map<string, OnnxTensor>; opset: number }

export function readOnnx(bytes: Uint8Array): OnnxSummary {
  const ops: string[] = []
  const initializers = new Map<string, OnnxTensor>()
  let opset = 0
  for (const f of fields(bytes)) {
    if (f.no === 8) for (const g of fields(f.value as Uint8Array)) if (g.no === 2) opset = Number(g.value)
    if (f.no !== 7) continue
    for (const g of fields(f.value as Uint8Array)) {
      if (g.no === 1) for (const n of fields(g.value as Uint8Array)) if (n.no === 4) ops.push(text(n.value))
      if (g.no === 5) {
        let name = ''
        let dims: number[] = []
        let type = 0
        let raw: Uint8Array = new Uint8Array()
        for (const t of fields(g.value as Uint8Array)) {
          if (t.no === 8) name = text(t.value)
          else if (t.no === 2) type = Number(t.value)
          else if (t.no === 9) raw = t.value as Uint8Array
          else if (t.no === 1 && t.wire === 2) dims = [...fields(prefixPacked(t.value as Uint8Array))].map((d) => Number(d.value))
          else if (t.no === 1) dims.push(Number(t.value))
        }
        if (type !== 1) continue
        const copy = raw.slice()
        initializers.set(name, { name, dims, data: new Float32Array(copy.buffer, 0, copy.length / 4) })
      }
    }
  }
  return { ops, initializers, opset }
}

/** Packed varints have no keys; give each one the key of field 1, varint, so `fields` can walk them. */
function prefixPacked(packed: Uint8Array): Uint8Array {
  const out: number[] = []
  let at = 0
  while (at < packed.length) {
    out.push(0x08)
    let byte: number
    do {
      byte = packed[at++]!
      out.push(byte)
    } while (byte & 0x80)
  }
  return Uint8Array.from(out)
}

/** The dense layers' weights in graph order (`dense<i>_W`, `dense<i>_B`), as `setDenseWeights` takes them. */
export function denseWeightsFromOnnx(s: OnnxSummary) {
  const out = []
  for (let i = 0; s.initializers.has(`dense${i}_W`); i++) {
    const w = s.initializers.get(`dense${i}_W`)!
    const b = s.initializers.get(`dense${i}_B`)
    if (!b) throw new Error(`no bias for dense layer ${i}`)
    out.push({ kernel: w.data, bias: b.data, inputs: w.dims[0]!, units: w.dims[1]! })
  }
  return out
}
