/**
 * @module Writes what the recogniser loads for one model: `models/<id>/model.onnx` and
 * `models/<id>/manifest.json` (checked against the shared manifest schema before it is written,
 * with each file's size and SHA-256).
 */
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type * as tfl from '@tensorflow/tfjs-layers'
import { parseModelManifest, type ModelManifest } from '../../shared/manifest/modelManifest'
import { FEATURE_VERSION } from '../../shared/features/version'
import { REPO_ROOT } from '../data/dataRoot'
import type { NetSpec } from '../train/net'
import { exportGraph } from './exportNet'
import { encodeOnnx } from './onnx'

export const INPUT_NAME = 'features'
export const OUTPUT_NAME = 'probabilities'

export const modelDir = (id: string) => join(REPO_ROOT, 'models', id)

export type ModelIdentity = Pick<ModelManifest, 'id' | 'name' | 'language' | 'kind' | 'labels' | 'noSign'>

export function writeModel(net: tfl.Sequential, spec: NetSpec, who: ModelIdentity): ModelManifest {
  const onnx = encodeOnnx(
    exportGraph(net, spec, { inputName: INPUT_NAME, outputName: OUTPUT_NAME, docString: `${who.name} (${who.language}); features v${FEATURE_VERSION}` }),
  )
  const raw = {
    ...who,
    featureVersion: FEATURE_VERSION,
    inputShape: [1, ...spec.inputShape],
    inputName: INPUT_NAME,
    outputName: OUTPUT_NAME,
    files: [{ path: 'model.onnx', bytes: onnx.length, sha256: createHash('sha256').update(onnx).digest('hex') }],
  }
  const parsed = parseModelManifest(raw, FEATURE_VERSION)
  if (!parsed.ok) throw new Error(`manifest for ${who.id} is invalid: ${parsed.error.message}`)
  const dir = modelDir(who.id)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'model.onnx'), onnx)
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(parsed.value, null, 2) + '\n')
  return parsed.value
}
