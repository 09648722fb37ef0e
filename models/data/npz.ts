/**
 * @module Reads NumPy `.npz` archives (a zip of `.npy` arrays): the float16/32/64, int64 and
 * unicode-string arrays the sequence sets are packed in. NumPy format spec:
 * https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
 */
import { unzipSync } from 'fflate'

export type NpyArray =
  | { kind: 'float'; shape: number[]; data: Float32Array | Float64Array }
  | { kind: 'int'; shape: number[]; data: Float64Array }
  | { kind: 'string'; shape: number[]; data: string[] }

/** Parses every array in an `.npz`; keys lose their `.npy` suffix. */
export function parseNpz(bytes: Uint8Array): Map<string, NpyArray> {
  const out = new Map<string, NpyArray>()
  for (const [name, body] of Object.entries(unzipSync(bytes))) {
    out.set(name.replace(/\.npy$/, ''), parseNpy(body, name))
  }
  return out
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59] // \x93NUMPY

export function parseNpy(b: Uint8Array, name = 'array'): NpyArray {
  if (!MAGIC.every((m, i) => b[i] === m)) throw new Error(`${name}: not a .npy array`)
  const major = b[6]!
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength)
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true)
  const headerStart = major === 1 ? 10 : 12
  const header = new TextDecoder().decode(b.subarray(headerStart, headerStart + headerLen))
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1]
  const fortran = /'fortran_order':\s*True/.test(header)
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1]
  if (!descr || shapeText === undefined) throw new Error(`${name}: unreadable .npy header ${header}`)
  if (fortran) throw new Error(`${name}: Fortran-ordered arrays are not supported`)
  const shape = shapeText.split(',').map((s) => s.trim()).filter(Boolean).map(Number)
  const count = shape.reduce((a, n) => a * n, 1)
  const body = b.subarray(headerStart + headerLen)
  const dv = new DataView(body.buffer, body.byteOffset, body.byteLength)
  const endian = descr[0]
  if (endian === '>') throw new Error(`${name}: big-endian arrays are not supported`)
  const type = descr.slice(1)

  switch (type) {
    case 'f2': {
      const data = new Float32Array(count)
      for (let i = 0; i < count; i++) data[i] = float16(dv.getUint16(2 * i, true))
      return { kind: 'float', shape, data }
    }
    case 'f4': {
      const data = new Float32Array(count)
      for (let i = 0; i < count; i++) data[i] = dv.getFloat32(4 * i, true)
      return { kind: 'float', shape, data }
    }
    case 'f8': {
      const data = new Float64Array(count)
      for (let i = 0; i < count; i++) data[i] = dv.getFloat64(8 * i, true)
      return { kind: 'float', shape, data }
    }
    case 'i8':
    case 'u8': {
      const data = new Float64Array(count)
      for (let i = 0; i < count; i++) data[i] = Number(type === 'i8' ? dv.getBigInt64(8 * i, true) : dv.getBigUint64(8 * i, true))
      return { kind: 'int', shape, data }
    }
    case 'i4': {
      const data = new Float64Array(count)
      for (let i = 0; i < count; i++) data[i] = dv.getInt32(4 * i, true)
      return { kind: 'int', shape, data }
    }
  }
  const unicode = /^U(\d+)$/.exec(type)
  if (unicode) {
    const width = Number(unicode[1])
    const data: string[] = []
    for (let i = 0; i < count; i++) {
      let s = ''
      for (let j = 0; j < width; j++) {
        const cp = dv.getUint32(4 * (i * width + j), true)
        if (cp === 0) break
        s += String.fromCodePoint(cp)
      }
      data.push(s)
    }
    return { kind: 'string', shape, data }
  }
  throw new Error(`${name}: unsupported dtype ${descr}`)
}

/** IEEE 754 half precision → number (NaN and infinities included: the webcam sets mark a missing hand with NaN). */
export function float16(h: number): number {
  const sign = h & 0x8000 ? -1 : 1
  const exp = (h >> 10) & 0x1f
  const frac = h & 0x3ff
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024)
  if (exp === 0x1f) return frac ? NaN : sign * Infinity
  return sign * 2 ** (exp - 15) * (1 + frac / 1024)
}

export function requireArray(arrays: Map<string, NpyArray>, key: string, file: string): NpyArray {
  const a = arrays.get(key)
  if (!a) throw new Error(`${file}: no array '${key}' (has ${[...arrays.keys()].join(', ')})`)
  return a
}

export function requireFloat(arrays: Map<string, NpyArray>, key: string, file: string) {
  const a = requireArray(arrays, key, file)
  if (a.kind !== 'float') throw new Error(`${file}: '${key}' is not a float array`)
  return a
}

export function requireStrings(arrays: Map<string, NpyArray>, key: string, file: string): string[] {
  const a = requireArray(arrays, key, file)
  if (a.kind !== 'string') throw new Error(`${file}: '${key}' is not a string array`)
  return a.data
}

export function requireInts(arrays: Map<string, NpyArray>, key: string, file: string): Float64Array {
  const a = requireArray(arrays, key, file)
  if (a.kind !== 'int') throw new Error(`${file}: '${key}' is not an integer array`)
  return a.data
}
