import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { ByteBuffer } from 'flatbuffers'
import { describe, expect, it } from 'vitest'
import { buildHandLandmarkerTask, DETECTOR_ENTRY, LANDMARKS_ENTRY } from './handLandmarkerTask'
import { handsPackageDir, readHandsModels, sha256Hex } from './handsPackage'
import {
  COLOR_SPACE_RGB,
  CONTENT,
  CONTENT_PROPERTIES_IMAGE,
  IMAGE_PROPERTIES,
  METADATA_IDENTIFIER,
  MODEL_METADATA,
  NORMALIZATION_OPTIONS,
  PROCESS_UNIT,
  PROCESS_UNIT_NORMALIZATION,
  SUBGRAPH_METADATA,
  TENSOR_METADATA,
} from './imageMetadata'
import { ZIP_DATA_ALIGN_BYTES } from './storedZip'
import { readTflite, TFLITE_METADATA } from './tflite'

const models = readHandsModels()
const task = buildHandLandmarkerTask(models['palm_detection_lite.tflite'], models['hand_landmark_lite.tflite'])
const entries = unzipSync(task)

/** Local file headers in file order: name, compression method, where the data starts. */
function localHeaders(zip: Uint8Array) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const out: { name: string; method: number; dataStart: number }[] = []
  for (let at = 0; view.getUint32(at, true) === 0x04034b50; ) {
    const nameLength = view.getUint16(at + 26, true)
    const dataStart = at + 30 + nameLength + view.getUint16(at + 28, true)
    out.push({ name: new TextDecoder().decode(zip.subarray(at + 30, at + 30 + nameLength)), method: view.getUint16(at + 8, true), dataStart })
    at = dataStart + view.getUint32(at + 18, true)
  }
  return out
}

/** Reads back the normalisation and colour space of input tensor 0 from an M001 buffer. */
function inputImageMetadata(metadata: Uint8Array) {
  const bb = new ByteBuffer(metadata)
  const table = (t: number, slot: number) => {
    const o = bb.__offset(t, 4 + 2 * slot)
    return o === 0 ? 0 : bb.__indirect(t + o)
  }
  const first = (t: number, slot: number) => bb.__indirect(bb.__vector(t + bb.__offset(t, 4 + 2 * slot)))
  const floats = (t: number, slot: number) => {
    const at = t + bb.__offset(t, 4 + 2 * slot)
    return Array.from({ length: bb.__vector_len(at) }, (_, i) => bb.readFloat32(bb.__vector(at) + 4 * i))
  }
  const root = bb.readUint32(0)
  const subgraph = first(root, MODEL_METADATA.subgraphMetadata)
  const input = first(subgraph, SUBGRAPH_METADATA.inputTensorMetadata)
  const content = table(input, TENSOR_METADATA.content)
  const unit = first(input, TENSOR_METADATA.processUnits)
  const normalization = table(unit, PROCESS_UNIT.options)
  return {
    identifier: bb.__has_identifier(METADATA_IDENTIFIER),
    contentType: bb.readUint8(content + bb.__offset(content, 4 + 2 * CONTENT.propertiesType)),
    colorSpace: bb.readInt8(table(content, CONTENT.properties) + bb.__offset(table(content, CONTENT.properties), 4 + 2 * IMAGE_PROPERTIES.colorSpace)),
    unitType: bb.readUint8(unit + bb.__offset(unit, 4 + 2 * PROCESS_UNIT.optionsType)),
    mean: floats(normalization, NORMALIZATION_OPTIONS.mean),
    std: floats(normalization, NORMALIZATION_OPTIONS.std),
    outputs: bb.__vector_len(subgraph + bb.__offset(subgraph, 4 + 2 * SUBGRAPH_METADATA.outputTensorMetadata)),
  }
}

describe('hand landmarker .task bundle', () => {
  it('is a zip of hand_detector.tflite and hand_landmarks_detector.tflite, stored, not deflated', () => {
    expect(Object.keys(entries)).toEqual([DETECTOR_ENTRY, LANDMARKS_ENTRY])
    expect(localHeaders(task).map((h) => h.method)).toEqual([0, 0])
  })

  it('aligns each model inside the zip so it can be read in place', () => {
    for (const h of localHeaders(task)) expect(h.dataStart % ZIP_DATA_ALIGN_BYTES).toBe(0)
  })

  it('gives both models input metadata: an RGB image normalised with mean 0 and std 255', () => {
    for (const name of [DETECTOR_ENTRY, LANDMARKS_ENTRY]) {
      const model = readTflite(entries[name] as Uint8Array)
      const entry = model.metadata.find((m) => m.name === TFLITE_METADATA)
      expect(entry, name).toBeDefined()
      const md = inputImageMetadata(model.buffer(entry?.buffer ?? -1))
      expect(md).toEqual({
        identifier: true,
        contentType: CONTENT_PROPERTIES_IMAGE,
        colorSpace: COLOR_SPACE_RGB,
        unitType: PROCESS_UNIT_NORMALIZATION,
        mean: [0],
        std: [255],
        outputs: model.subgraphs[0]?.outputs.length,
      })
    }
  })

  it('keeps every tensor, buffer and existing metadata entry of the original models', () => {
    for (const [name, original] of [
      [DETECTOR_ENTRY, models['palm_detection_lite.tflite']],
      [LANDMARKS_ENTRY, models['hand_landmark_lite.tflite']],
    ] as const) {
      const before = readTflite(original)
      const after = readTflite(entries[name] as Uint8Array)
      expect(after.subgraphs).toEqual(before.subgraphs)
      expect(after.bufferCount).toBe(before.bufferCount + 1)
      expect(after.metadata.slice(0, -1)).toEqual(before.metadata)
      for (let i = 0; i < before.bufferCount; i++) expect(sha256Hex(after.buffer(i))).toBe(sha256Hex(before.buffer(i)))
    }
  })

  it('is byte-for-byte the same when built again', () => {
    const again = buildHandLandmarkerTask(models['palm_detection_lite.tflite'], models['hand_landmark_lite.tflite'])
    expect(sha256Hex(again)).toBe(sha256Hex(task))
  })

  it('refuses an input model whose checksum differs from the pinned one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hands-'))
    try {
      cpSync(handsPackageDir(), dir, { recursive: true })
      const tampered = new Uint8Array(models['hand_landmark_full.tflite'])
      tampered[1000] = (tampered[1000] as number) ^ 0xff
      writeFileSync(join(dir, 'hand_landmark_full.tflite'), tampered)
      expect(() => readHandsModels(dir)).toThrow(/hand_landmark_full\.tflite .* has sha256/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
