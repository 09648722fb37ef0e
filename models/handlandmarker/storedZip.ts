/**
 * @module A deterministic zip writer for `.task` bundles: entries STORED (not deflated) so MediaPipe
 * can read each model in place, each entry's data aligned in the file, and a fixed timestamp so the
 * same inputs always give the same bytes (APPNOTE.TXT 6.3.10, sections 4.3.7, 4.3.12, 4.3.16).
 */

export type ZipEntry = { name: string; data: Uint8Array }

/** Flatbuffer verifiers check field alignment; 64 covers every scalar and TFLite's 16-byte buffers. */
export const ZIP_DATA_ALIGN_BYTES = 64
/** 1980-01-01 00:00:00, the earliest MS-DOS date a zip can hold. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1
const DOS_TIME = 0
/** The extra-field id Android's zipalign uses for alignment padding. */
const ALIGNMENT_EXTRA_ID = 0xd935
const LOCAL_HEADER_BYTES = 30
const CENTRAL_HEADER_BYTES = 46
const END_RECORD_BYTES = 22
const VERSION_STORED = 10

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff
  for (let i = 0; i < data.length; i++) c = (CRC_TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/** Bytes of alignment extra field that put the data of an entry whose header starts at `offset` on the boundary. */
function alignmentPadding(offset: number, nameBytes: number): number {
  const unpadded = offset + LOCAL_HEADER_BYTES + nameBytes
  let pad = (ZIP_DATA_ALIGN_BYTES - (unpadded % ZIP_DATA_ALIGN_BYTES)) % ZIP_DATA_ALIGN_BYTES
  // An extra field is at least its 4-byte header (id, size) plus the 2-byte alignment value.
  while (pad !== 0 && pad < 6) pad += ZIP_DATA_ALIGN_BYTES
  return pad
}

export function storedZip(entries: ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder()
  const parts: Uint8Array[] = []
  const central: Uint8Array[] = []
  let offset = 0
  for (const entry of entries) {
    const name = encoder.encode(entry.name)
    const crc = crc32(entry.data)
    const pad = alignmentPadding(offset, name.length)

    const local = new Uint8Array(LOCAL_HEADER_BYTES + name.length + pad)
    const l = new DataView(local.buffer)
    l.setUint32(0, 0x04034b50, true)
    l.setUint16(4, VERSION_STORED, true)
    l.setUint16(6, 0, true) // flags
    l.setUint16(8, 0, true) // method: stored
    l.setUint16(10, DOS_TIME, true)
    l.setUint16(12, DOS_DATE, true)
    l.setUint32(14, crc, true)
    l.setUint32(18, entry.data.length, true)
    l.setUint32(22, entry.data.length, true)
    l.setUint16(26, name.length, true)
    l.setUint16(28, pad, true)
    local.set(name, LOCAL_HEADER_BYTES)
    if (pad !== 0) {
      const extra = LOCAL_HEADER_BYTES + name.length
      l.setUint16(extra, ALIGNMENT_EXTRA_ID, true)
      l.setUint16(extra + 2, pad - 4, true)
      l.setUint16(extra + 4, ZIP_DATA_ALIGN_BYTES, true)
    }

    const c = new Uint8Array(CENTRAL_HEADER_BYTES + name.length)
    const d = new DataView(c.buffer)
    d.setUint32(0, 0x02014b50, true)
    d.setUint16(4, VERSION_STORED, true) // made by: MS-DOS, 1.0
    d.setUint16(6, VERSION_STORED, true)
    d.setUint16(8, 0, true)
    d.setUint16(10, 0, true)
    d.setUint16(12, DOS_TIME, true)
    d.setUint16(14, DOS_DATE, true)
    d.setUint32(16, crc, true)
    d.setUint32(20, entry.data.length, true)
    d.setUint32(24, entry.data.length, true)
    d.setUint16(28, name.length, true)
    d.setUint32(42, offset, true)
    c.set(name, CENTRAL_HEADER_BYTES)

    parts.push(local, entry.data)
    central.push(c)
    offset += local.length + entry.data.length
  }
  const centralBytes = central.reduce((n, c) => n + c.length, 0)
  const end = new Uint8Array(END_RECORD_BYTES)
  const e = new DataView(end.buffer)
  e.setUint32(0, 0x06054b50, true)
  e.setUint16(8, entries.length, true)
  e.setUint16(10, entries.length, true)
  e.setUint32(12, centralBytes, true)
  e.setUint32(16, offset, true)

  const out = new Uint8Array(offset + centralBytes + END_RECORD_BYTES)
  let at = 0
  for (const p of [...parts, ...central, end]) {
    out.set(p, at)
    at += p.length
  }
  return out
}
