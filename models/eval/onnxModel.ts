/**
 * @module Loads a committed model the way the recogniser does, from its manifest and model.onnx
 * (size and SHA-256 checked, feature version checked), and runs it in onnxruntime-web on its WASM
 * backend in Node, so `npm run eval -- <model> --data DIR` scores exactly what ships.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as ort from 'onnxruntime-web'
import { FEATURE_VERSION } from '../../shared/features/version'
import { parseModelManifest, type ModelManifest } from '../../shared/manifest/modelManifest'
import { modelDir } from '../export/writeModel'

export type LoadedModel = { manifest: ModelManifest; session: ort.InferenceSession; bytes: number }

export async function loadOnnxModel(id: string): Promise<LoadedModel> {
  const dir = modelDir(id)
  const parsed = parseModelManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')), FEATURE_VERSION)
  if (!parsed.ok) throw new Error(`${dir}/manifest.json: ${parsed.error.message}`)
  const manifest = parsed.value
  const file = manifest.files[0]!
  const onnx = readFileSync(join(dir, file.path))
  const sha = createHash('sha256').update(onnx).digest('hex')
  if (onnx.length !== file.bytes || sha !== file.sha256) throw new Error(`${dir}/${file.path} does not match its manifest (size or SHA-256)`)
  ort.env.wasm.numThreads = 1
  const session = await ort.InferenceSession.create(onnx, { executionProviders: ['wasm'] })
  return { manifest, session, bytes: onnx.length }
}

/** Probabilities for `rows` inputs laid out back to back, in batches. */
export async function runOnnx(m: LoadedModel, x: Float32Array, rows: number, batch = 512): Promise<Float32Array> {
  const per = m.manifest.inputShape.slice(1)
  const size = per.reduce((a, b) => a * b, 1)
  const classes = m.manifest.labels.length
  const out = new Float32Array(rows * classes)
  for (let r = 0; r < rows; r += batch) {
    const n = Math.min(batch, rows - r)
    const input = new ort.Tensor('float32', x.slice(r * size, (r + n) * size), [n, ...per])
    const result = await m.session.run({ [m.manifest.inputName]: input })
    out.set(result[m.manifest.outputName]!.data as Float32Array, r * classes)
  }
  return out
}

/** Single-input latency as the recogniser runs it (one window or one hand per call): median and p95 in ms. */
export async function measureLatency(m: LoadedModel, input: Float32Array, runs = 2000): Promise<{ medianMs: number; p95Ms: number }> {
  const tensor = new ort.Tensor('float32', input, m.manifest.inputShape)
  for (let i = 0; i < 200; i++) await m.session.run({ [m.manifest.inputName]: tensor })
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await m.session.run({ [m.manifest.inputName]: tensor })
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  return { medianMs: times[Math.floor(runs / 2)]!, p95Ms: times[Math.floor(runs * 0.95)]! }
}
