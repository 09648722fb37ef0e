/**
 * @module The few protobuf wire-format primitives the ONNX writer needs (varints, length-delimited
 * fields, packed repeats). Spec: https://protobuf.dev/programming-guides/encoding/
 */

export class ProtoWriter {
  private chunks: number[] = []
  private bytesList: Uint8Array[] = []
  private length = 0

  private flush() {
    if (this.chunks.length) {
      this.bytesList.push(Uint8Array.from(this.chunks))
      this.length += this.chunks.length
      this.chunks = []
    }
  }

  private varint(v: number | bigint) {
    let n = BigInt.asUintN(64, BigInt(v))
    while (n >= 0x80n) {
      this.chunks.push(Number(n & 0x7fn) | 0x80)
      n >>= 7n
    }
    this.chunks.push(Number(n))
  }

  private tag(field: number, wire: 0 | 1 | 2 | 5) {
    this.varint((field << 3) | wire)
  }

  /** int32, int64, enum, bool (negative values are written as 10-byte two's complement, as protobuf does). */
  int(field: number, v: number | bigint): this {
    this.tag(field, 0)
    this.varint(v)
    return this
  }

  float(field: number, v: number): this {
    this.tag(field, 5)
    const b = new Uint8Array(4)
    new DataView(b.buffer).setFloat32(0, v, true)
    this.chunks.push(...b)
    return this
  }

  bytes(field: number, b: Uint8Array): this {
    this.tag(field, 2)
    this.varint(b.length)
    this.flush()
    this.bytesList.push(b)
    this.length += b.length
    return this
  }

  string(field: number, s: string): this {
    return this.bytes(field, new TextEncoder().encode(s))
  }

  message(field: number, m: ProtoWriter): this {
    return this.bytes(field, m.finish())
  }

  /** Packed repeated int64 (proto3 default for scalar repeats). */
  packedInts(field: number, values: readonly (number | bigint)[]): this {
    const inner = new ProtoWriter()
    for (const v of values) inner.varint(v)
    return this.bytes(field, inner.finish())
  }

  finish(): Uint8Array {
    this.flush()
    const out = new Uint8Array(this.length)
    let at = 0
    for (const b of this.bytesList) {
      out.set(b, at)
      at += b.length
    }
    return out
  }
}
