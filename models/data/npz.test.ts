import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { float16, parseNpy, parseNpz } from './npz'

/** A .npy v1 file as NumPy writes it: magic, version, little-endian header length, padded header, data. */
function npy(descr: string, shape: number[], body: Uint8Array): Uint8Array {
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`
  while ((10 + header.length + 1) % 64 !== 0) header += ' '
  header += '\n'
  const out = new Uint8Array(10 + header.length + body.length)
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0])
  new DataView(out.buffer).setUint16(8, header.length, true)
  out.set(new TextEncoder().encode(header), 10)
  out.set(body, 10 + header.length)
  return out
}

describe('parseNpy', () => {
  it('reads float16 with NaN for a missing hand, as the webcam sets store them', () => {
    const halves = new Uint16Array([0x3c00, 0xc000, 0x7e00, 0x3555, 0x0001, 0x7c00])
    const a = parseNpy(npy('<f2', [2, 3], new Uint8Array(halves.buffer)))
    expect(a.kind).toBe('float')
    expect(a.shape).toEqual([2, 3])
    const d = a.data as Float32Array
    expect(d[0]).toBe(1)
    expect(d[1]).toBe(-2)
    expect(d[2]).toBeNaN()
    expect(d[3]).toBeCloseTo(0.33325, 5)
    expect(d[4]).toBeCloseTo(2 ** -24, 30)
    expect(d[5]).toBe(Infinity)
  })

  it('reads float32, int64 and fixed-width unicode labels', () => {
    const f = parseNpy(npy('<f4', [2], new Uint8Array(new Float32Array([0.5, -1.25]).buffer)))
    expect(Array.from(f.data as Float32Array)).toEqual([0.5, -1.25])
    const i = parseNpy(npy('<i8', [2], new Uint8Array(new BigInt64Array([7n, -3n]).buffer)))
    expect(Array.from(i.data as Float64Array)).toEqual([7, -3])
    const words = ['hello', 'thankyou']
    const u = new Uint32Array(2 * 8)
    words.forEach((w, k) => [...w].forEach((ch, j) => (u[k * 8 + j] = ch.codePointAt(0)!)))
    const s = parseNpy(npy('<U8', [2], new Uint8Array(u.buffer)))
    expect(s).toEqual({ kind: 'string', shape: [2], data: words })
  })

  it('rejects what it cannot read instead of returning garbage', () => {
    expect(() => parseNpy(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))).toThrow(/not a .npy/)
    expect(() => parseNpy(npy('>f4', [1], new Uint8Array(4)))).toThrow(/big-endian/)
    expect(() => parseNpy(npy('<c8', [1], new Uint8Array(8)))).toThrow(/unsupported dtype/)
  })

  it('decodes half precision per IEEE 754', () => {
    expect(float16(0x0000)).toBe(0)
    expect(float16(0x3800)).toBe(0.5)
    expect(float16(0x7bff)).toBe(65504)
    expect(float16(0xfc00)).toBe(-Infinity)
  })
})

describe('parseNpz', () => {
  it('reads every array of an archive by name', () => {
    const zip = zipSync({
      'frames.npy': npy('<f4', [1, 2], new Uint8Array(new Float32Array([1, 2]).buffer)),
      'label.npy': npy('<U1', [1], new Uint8Array(new Uint32Array([0x61]).buffer)),
    })
    const arrays = parseNpz(zip)
    expect([...arrays.keys()].sort()).toEqual(['frames', 'label'])
    expect(arrays.get('label')).toEqual({ kind: 'string', shape: [1], data: ['a'] })
  })
})
