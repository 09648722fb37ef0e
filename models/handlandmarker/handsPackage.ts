/**
 * @module Reads the four MediaPipe Hands models out of the installed `@mediapipe/hands` package and
 * checks each against the checksum pinned in `inputs.json`. The landmark models ship as files; the
 * palm detectors sit inside `hands_solution_packed_assets.data` at the byte ranges its Emscripten
 * loader script lists.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export type HandsModelName = 'hand_landmark_lite.tflite' | 'hand_landmark_full.tflite' | 'palm_detection_lite.tflite' | 'palm_detection_full.tflite'
type PinnedInputs = { package: string; version: string; packedAssets: string; packedAssetsLoader: string; sha256: Record<HandsModelName, string> }

const pinned: PinnedInputs = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'inputs.json'), 'utf8'))
export type HandsModels = Record<HandsModelName, Uint8Array>

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

export function handsPackageDir(): string {
  return dirname(createRequire(import.meta.url).resolve(`${pinned.package}/package.json`))
}

/** `{ "filename": "/…/name", "start": N, "end": M }` entries of the packed-assets loader. */
export function packedRanges(loaderSource: string): Map<string, { start: number; end: number }> {
  const ranges = new Map<string, { start: number; end: number }>()
  const entry = /"filename":\s*"([^"]+)",\s*"start":\s*(\d+),\s*"end":\s*(\d+)/g
  for (const m of loaderSource.matchAll(entry)) {
    const [, path, start, end] = m
    ranges.set((path as string).split('/').pop() as string, { start: Number(start), end: Number(end) })
  }
  return ranges
}

export function readHandsModels(dir = handsPackageDir()): HandsModels {
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version
  if (version !== pinned.version) {
    throw new Error(`${pinned.package} is ${version}; models/handlandmarker/inputs.json pins ${pinned.version}. Update the pinned checksums deliberately.`)
  }
  const packed = readFileSync(join(dir, pinned.packedAssets))
  const ranges = packedRanges(readFileSync(join(dir, pinned.packedAssetsLoader), 'utf8'))
  const read = (name: HandsModelName): Uint8Array => {
    const range = ranges.get(name)
    const bytes = range ? packed.subarray(range.start, range.end) : readFileSync(join(dir, name))
    const actual = sha256Hex(bytes)
    if (actual !== pinned.sha256[name]) {
      throw new Error(`${name} from ${pinned.package} has sha256 ${actual}, expected ${pinned.sha256[name]}`)
    }
    return new Uint8Array(bytes)
  }
  return {
    'hand_landmark_lite.tflite': read('hand_landmark_lite.tflite'),
    'hand_landmark_full.tflite': read('hand_landmark_full.tflite'),
    'palm_detection_lite.tflite': read('palm_detection_lite.tflite'),
    'palm_detection_full.tflite': read('palm_detection_full.tflite'),
  }
}
