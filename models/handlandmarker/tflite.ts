/**
 * @module Just enough of the TFLite flatbuffer (tensorflow/lite/schema/schema.fbs) to read a model's
 * tensors, buffers and metadata entries, and to write a copy that carries one more metadata entry.
 *
 * Re-serialising a whole TFLite model would need generated code for its entire schema (operators,
 * option unions, quantisation). A flatbuffer's offsets are relative, though, so the copy is built
 * with the flatbuffers Builder around the original bytes: the original model becomes an opaque,
 * 16-byte-aligned blob at the end of the new buffer, and a new root table in front of it points
 * forward into the blob for every field it keeps (operator codes, subgraphs, description, signature
 * defs) and at new `buffers` and `metadata` vectors that add the metadata buffer. The old root
 * table stays in the blob, unreferenced.
 */
import { Builder, ByteBuffer } from 'flatbuffers'

/** The model's `metadata` entry name that MediaPipe and TFLite Support read (metadata_schema.fbs). */
export const TFLITE_METADATA = 'TFLITE_METADATA'
const MODEL_IDENTIFIER = 'TFL3'

// Field slots of schema.fbs tables, in declaration order.
const MODEL = { version: 0, operatorCodes: 1, subgraphs: 2, description: 3, buffers: 4, metadataBuffer: 5, metadata: 6, signatureDefs: 7 }
const MODEL_FIELDS = 8
const SUBGRAPH = { tensors: 0, inputs: 1, outputs: 2, name: 4 }
const TENSOR = { shape: 0, type: 1, name: 3 }
const BUFFER = { data: 0 }
const METADATA = { name: 0, buffer: 1 }

/** TFLite buffer contents must stay aligned (schema.fbs: `data:[ubyte] (force_align: 16)`). */
const BUFFER_ALIGN_BYTES = 16

export type TensorInfo = { name: string; shape: number[]; type: number }
export type SubgraphInfo = { inputs: TensorInfo[]; outputs: TensorInfo[] }
export type MetadataEntry = { name: string; buffer: number }

export type TfliteModel = {
  bytes: Uint8Array
  subgraphs: SubgraphInfo[]
  bufferCount: number
  metadata: MetadataEntry[]
  /** The contents of buffer `index` (empty when the buffer holds no data). */
  buffer(index: number): Uint8Array
}

export class TfliteFormatError extends Error {
  override name = 'TfliteFormatError'
}

const slot = (s: number) => 4 + 2 * s

/** Position of a table field, or 0 when the field is absent. */
function field(bb: ByteBuffer, table: number, s: number): number {
  const o = bb.__offset(table, slot(s))
  return o === 0 ? 0 : table + o
}

/** Positions of the tables a vector-of-tables field points at. */
function tableVector(bb: ByteBuffer, table: number, s: number): number[] {
  const f = field(bb, table, s)
  if (f === 0) return []
  const vec = f + bb.readUint32(f)
  const length = bb.readUint32(vec)
  const out: number[] = []
  for (let i = 0; i < length; i++) {
    const elem = vec + 4 + 4 * i
    out.push(elem + bb.readUint32(elem))
  }
  return out
}

function intVector(bb: ByteBuffer, table: number, s: number): number[] {
  const f = field(bb, table, s)
  if (f === 0) return []
  const vec = f + bb.readUint32(f)
  const length = bb.readUint32(vec)
  return Array.from({ length }, (_, i) => bb.readInt32(vec + 4 + 4 * i))
}

function stringField(bb: ByteBuffer, table: number, s: number): string {
  const f = field(bb, table, s)
  if (f === 0) return ''
  const str = f + bb.readUint32(f)
  const length = bb.readUint32(str)
  return new TextDecoder().decode(bb.bytes().subarray(str + 4, str + 4 + length))
}

function rootTable(bb: ByteBuffer, identifier: string): number {
  if (bb.capacity() < 8 || !bb.__has_identifier(identifier)) {
    throw new TfliteFormatError(`not a flatbuffer with file identifier ${identifier}`)
  }
  const root = bb.readUint32(0)
  if (root >= bb.capacity()) throw new TfliteFormatError('root table offset is out of bounds')
  return root
}

export function readTflite(bytes: Uint8Array): TfliteModel {
  const bb = new ByteBuffer(bytes)
  const root = rootTable(bb, MODEL_IDENTIFIER)
  const buffers = tableVector(bb, root, MODEL.buffers)
  const tensorInfo = (tensors: number[], i: number): TensorInfo => {
    const t = tensors[i]
    if (t === undefined) throw new TfliteFormatError(`tensor index ${i} is out of range`)
    const type = field(bb, t, TENSOR.type)
    // An absent scalar field holds its schema default: TensorType FLOAT32 = 0.
    return { name: stringField(bb, t, TENSOR.name), shape: intVector(bb, t, TENSOR.shape), type: type === 0 ? 0 : bb.readInt8(type) }
  }
  const subgraphs = tableVector(bb, root, MODEL.subgraphs).map((sg) => {
    const tensors = tableVector(bb, sg, SUBGRAPH.tensors)
    return {
      inputs: intVector(bb, sg, SUBGRAPH.inputs).map((i) => tensorInfo(tensors, i)),
      outputs: intVector(bb, sg, SUBGRAPH.outputs).map((i) => tensorInfo(tensors, i)),
    }
  })
  const metadata = tableVector(bb, root, MODEL.metadata).map((m) => ({
    name: stringField(bb, m, METADATA.name),
    buffer: field(bb, m, METADATA.buffer) === 0 ? 0 : bb.readUint32(field(bb, m, METADATA.buffer)),
  }))
  return {
    bytes,
    subgraphs,
    bufferCount: buffers.length,
    metadata,
    buffer(index) {
      const b = buffers[index]
      if (b === undefined) throw new TfliteFormatError(`buffer index ${index} is out of range`)
      const f = field(bb, b, BUFFER.data)
      if (f === 0) return new Uint8Array(0)
      const vec = f + bb.readUint32(f)
      return bytes.subarray(vec + 4, vec + 4 + bb.readUint32(vec))
    },
  }
}

/**
 * A copy of `model` whose metadata entry `name` points at a new buffer holding `contents`; an entry
 * of the same name is replaced. Every other part of the model is kept byte for byte.
 */
export function withMetadataBuffer(model: Uint8Array, name: string, contents: Uint8Array): Uint8Array {
  const bb = new ByteBuffer(model)
  const root = rootTable(bb, MODEL_IDENTIFIER)
  const vtable = root - bb.readInt32(root)
  const vtableFields = (bb.readUint16(vtable) - 4) / 2
  if (vtableFields > MODEL_FIELDS) {
    throw new TfliteFormatError(`model has ${vtableFields} root fields; this writer knows ${MODEL_FIELDS} and would drop the rest`)
  }

  const builder = new Builder(model.length + contents.length + 4096)
  // The original model, as one aligned blob; `at(p)` is the builder offset of its byte p.
  builder.startVector(1, model.length, BUFFER_ALIGN_BYTES)
  for (let i = model.length - 1; i >= 0; i--) builder.writeInt8(model[i] as number)
  const blobStart = builder.endVector() - 4
  const at = (p: number) => blobStart - p
  const target = (f: number) => at(f + bb.readUint32(f))

  builder.startVector(1, contents.length, BUFFER_ALIGN_BYTES)
  for (let i = contents.length - 1; i >= 0; i--) builder.writeInt8(contents[i] as number)
  const data = builder.endVector()
  builder.startObject(3)
  builder.addFieldOffset(BUFFER.data, data, 0)
  const newBuffer = builder.endObject()

  const oldBuffers = tableVector(bb, root, MODEL.buffers)
  const buffers = offsetVector(builder, [...oldBuffers.map(at), newBuffer])

  const entryName = builder.createString(name)
  builder.startObject(2)
  builder.addFieldOffset(METADATA.name, entryName, 0)
  builder.addFieldInt32(METADATA.buffer, oldBuffers.length, 0)
  const newEntry = builder.endObject()
  const keptEntries = tableVector(bb, root, MODEL.metadata).filter((m) => stringField(bb, m, METADATA.name) !== name)
  const metadata = offsetVector(builder, [...keptEntries.map(at), newEntry])

  builder.startObject(MODEL_FIELDS)
  const version = field(bb, root, MODEL.version)
  if (version !== 0) builder.addFieldInt32(MODEL.version, bb.readUint32(version), 0)
  for (const s of [MODEL.operatorCodes, MODEL.subgraphs, MODEL.description, MODEL.metadataBuffer, MODEL.signatureDefs]) {
    const f = field(bb, root, s)
    if (f !== 0) builder.addFieldOffset(s, target(f), 0)
  }
  builder.addFieldOffset(MODEL.buffers, buffers, 0)
  builder.addFieldOffset(MODEL.metadata, metadata, 0)
  builder.finish(builder.endObject(), MODEL_IDENTIFIER)
  return builder.asUint8Array().slice()
}

function offsetVector(builder: Builder, offsets: number[]): number {
  builder.startVector(4, offsets.length, 4)
  for (let i = offsets.length - 1; i >= 0; i--) builder.addOffset(offsets[i] as number)
  return builder.endVector()
}
