/**
 * The exported ONNX computes what the trained TF.js network computes, on real inputs (MIT fixture
 * frames and takes through the shared features), within 1e-4: for a freshly trained small net of each
 * architecture, and for the committed models (their ONNX weights loaded back into TF.js).
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as ort from 'onnxruntime-web'
import { beforeAll, describe, expect, it } from 'vitest'
import fixtures from '../../shared/features/fixtures/mit-observations.json'
import { LETTER_FEATURE_SIZE, letterFeatures } from '../../shared/features/letterFeatures'
import type { FrameObservation, HandObservation } from '../../shared/features/observation'
import { SIGN_STEP_SIZE, SIGN_WINDOW_FRAMES, SIGN_WINDOW_INPUT_SIZE, signWindowInput } from '../../shared/features/signFeatures'
import { FEATURE_VERSION } from '../../shared/features/version'
import { parseModelManifest } from '../../shared/manifest/modelManifest'
import { LETTER_NET } from '../recipes/letters'
import { WORD_NET } from '../recipes/words'
import { useTrainingBackend } from '../train/backend'
import { fitNet } from '../train/fit'
import { buildNet, predict, setDenseWeights, type NetSpec } from '../train/net'
import { exportGraph } from './exportNet'
import { encodeOnnx } from './onnx'
import { denseWeightsFromOnnx, readOnnx } from './readOnnx'
import { INPUT_NAME, modelDir, OUTPUT_NAME } from './writeModel'

const letterX = (() => {
  const rows = fixtures.letters.map((l) => letterFeatures(l.observation.hands[0] as HandObservation, l.observation.aspect)!)
  const x = new Float32Array(rows.length * LETTER_FEATURE_SIZE)
  rows.forEach((r, i) => x.set(r, i * LETTER_FEATURE_SIZE))
  return { x, rows: rows.length }
})()
const wordX = (() => {
  const x = new Float32Array(fixtures.signs.length * SIGN_WINDOW_INPUT_SIZE)
  fixtures.signs.forEach((s, i) => x.set(signWindowInput(s.frames as FrameObservation[]), i * SIGN_WINDOW_INPUT_SIZE))
  return { x, rows: fixtures.signs.length }
})()

async function onnxOutputs(onnx: Uint8Array, x: Float32Array, rows: number, shape: number[]) {
  ort.env.wasm.numThreads = 1
  const session = await ort.InferenceSession.create(onnx, { executionProviders: ['wasm'] })
  const out = await session.run({ [INPUT_NAME]: new ort.Tensor('float32', x, [rows, ...shape]) })
  return out[OUTPUT_NAME]!.data as Float32Array
}

const maxAbsDiff = (a: Float32Array, b: Float32Array) => {
  expect(a.length).toBe(b.length)
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0)
}

beforeAll(() => useTrainingBackend())

/** A few epochs on the fixtures: enough for weights that are not the initial ones. */
const trainBriefly = (spec: NetSpec, input: { x: Float32Array; rows: number }, y: Int32Array, batchSize: number, seed: number) =>
  fitNet(spec, { epochs: 3, batchSize, learningRate: 1e-2, seed, makeEpoch: () => ({ x: input.x, y, rows: input.rows }) })

const exportOnnx = (net: ReturnType<typeof buildNet>, spec: NetSpec) => encodeOnnx(exportGraph(net, spec, { inputName: INPUT_NAME, outputName: OUTPUT_NAME }))

describe('ONNX export', () => {
  it('matches a trained letter network (Gemm path) on real frames within 1e-4', async () => {
    const net = await trainBriefly(LETTER_NET, letterX, Int32Array.from(fixtures.letters, (l) => l.label.charCodeAt(0) - 65), 8, 1)
    const onnx = exportOnnx(net, LETTER_NET)
    const tfjs = predict(net, letterX.x, letterX.rows, LETTER_NET.inputShape)
    const diff = maxAbsDiff(await onnxOutputs(onnx, letterX.x, letterX.rows, LETTER_NET.inputShape), tfjs)
    expect(diff).toBeLessThanOrEqual(1e-4)
    // The trained net is not flat: the comparison means something.
    expect(Math.max(...tfjs)).toBeGreaterThan(2 / LETTER_NET.classes)
  })

  it('matches a trained word network (per-step MatMul + Add, Reshape) on real takes within 1e-4', async () => {
    const net = await trainBriefly(WORD_NET, wordX, Int32Array.from(fixtures.signs, (_, i) => i), 4, 2)
    const onnx = exportOnnx(net, WORD_NET)
    expect(readOnnx(onnx).ops).toEqual(['MatMul', 'Add', 'Relu', 'Reshape', 'Gemm', 'Relu', 'Gemm', 'Softmax'])
    const tfjs = predict(net, wordX.x, wordX.rows, WORD_NET.inputShape)
    expect(maxAbsDiff(await onnxOutputs(onnx, wordX.x, wordX.rows, WORD_NET.inputShape), tfjs)).toBeLessThanOrEqual(1e-4)
  })

  it('writes weights that read back bit for bit', () => {
    const net = buildNet(LETTER_NET, 9)
    const onnx = exportOnnx(net, LETTER_NET)
    const summary = readOnnx(onnx)
    expect(summary.opset).toBe(13)
    const back = denseWeightsFromOnnx(summary)
    const again = buildNet(LETTER_NET, 123)
    setDenseWeights(again, back)
    expect(maxAbsDiff(predict(again, letterX.x, letterX.rows, LETTER_NET.inputShape), predict(net, letterX.x, letterX.rows, LETTER_NET.inputShape))).toBe(0)
  })
})

describe.each([
  ['asl-letters', LETTER_NET, letterX, [LETTER_FEATURE_SIZE]],
  ['asl-words', WORD_NET, wordX, [SIGN_WINDOW_FRAMES, SIGN_STEP_SIZE]],
] as [string, NetSpec, { x: Float32Array; rows: number }, number[]][])('committed model %s', (id, spec, input, shape) => {
  const dir = modelDir(id)
  const onnx = new Uint8Array(readFileSync(join(dir, 'model.onnx')))

  it('matches its manifest: schema, feature version, input shape, size and SHA-256, ≤ 1 MB', () => {
    const m = parseModelManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')), FEATURE_VERSION)
    if (!m.ok) throw new Error(m.error.message)
    expect(m.value.language).toBe('ASL')
    expect(m.value.inputShape).toEqual([1, ...shape])
    expect(m.value.labels).toHaveLength(spec.classes)
    expect(m.value.files[0]).toEqual({ path: 'model.onnx', bytes: onnx.length, sha256: createHash('sha256').update(onnx).digest('hex') })
    expect(onnx.length).toBeLessThanOrEqual(1_000_000)
  })

  it('gives the outputs of its TF.js network on real inputs within 1e-4', async () => {
    const net = buildNet(spec, 0)
    setDenseWeights(net, denseWeightsFromOnnx(readOnnx(onnx)))
    const tfjs = predict(net, input.x, input.rows, spec.inputShape)
    expect(maxAbsDiff(await onnxOutputs(onnx, input.x, input.rows, spec.inputShape), tfjs)).toBeLessThanOrEqual(1e-4)
  })
})
