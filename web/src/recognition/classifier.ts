/**
 * @module The sign classifier in the recognition worker: an ONNX model run by onnxruntime-web, on
 * the execution provider that measures fastest here.
 *
 * WebGPU is considered only when the adapter is real hardware (not a fallback/software adapter) and
 * the browser has JSPI: onnxruntime-web's WebGPU build is either the JSPI wasm (17.9 MB) or the
 * asyncify wasm (28.7 MB), and only the first fits a Cloudflare Workers static asset (25 MiB per
 * file). When both run, the faster wins: for the small MLPs we ship, WASM takes ~0.1 ms per frame and
 * even a real GPU pays more than that in dispatch and read-back (software WebGPU here: ~20 ms).
 */
import type * as Ort from 'onnxruntime-web'
import { FEATURE_VERSION } from '../../../shared/features/version'
import { parseModelManifest, type ModelManifest } from '../../../shared/manifest/modelManifest'
import { ORT_WASM_BASE } from './assetPaths'
import { RecognitionError } from './errors'
import type { BackendChoice, ClassifierBackend, Measured } from './messages'
import { median } from './stats'

export type Classifier = {
  manifest: ModelManifest
  backend: ClassifierBackend
  backends: Measured<ClassifierBackend>[]
  /** Class probabilities for one input of `manifest.inputShape`. */
  run(input: Float32Array): Promise<Float32Array>
  close(): Promise<void>
}

const TIMED_RUNS = 25
const WARMUP_RUNS = 3
/** Threads help only large models; ours are tiny, so a few at most (and only when allowed). */
const MAX_THREADS = 4

type OrtModule = typeof Ort

export async function makeClassifier(rawManifest: unknown, bytes: Uint8Array, choice: BackendChoice): Promise<Classifier> {
  const parsed = parseModelManifest(rawManifest, FEATURE_VERSION)
  if (!parsed.ok) {
    throw parsed.error.reason === 'feature-version'
      ? RecognitionError.featureVersion(parsed.error.message)
      : RecognitionError.manifestInvalid(parsed.error.message)
  }
  const manifest = parsed.value
  await verifyModelBytes(manifest, bytes)

  const webgpu = choice === 'wasm' ? { skipped: 'WASM was requested' } : await webgpuCandidate(choice === 'webgpu')
  if (choice === 'webgpu' && 'skipped' in webgpu) throw RecognitionError.classifierFailed(`WebGPU was requested but ${webgpu.skipped}`)
  // The JSPI build runs both providers, so measuring both loads one runtime, not two.
  const ort: OrtModule = 'skipped' in webgpu ? await import('onnxruntime-web/wasm') : await import('onnxruntime-web/jspi')
  configureRuntime(ort)

  const providers: ClassifierBackend[] = choice === 'auto' ? ['wasm', 'webgpu'] : [choice]
  const backends: Measured<ClassifierBackend>[] = []
  let best: { backend: ClassifierBackend; session: Ort.InferenceSession; ms: number } | undefined
  for (const backend of providers) {
    if (backend === 'webgpu' && 'skipped' in webgpu) {
      backends.push({ kind: backend, skipped: webgpu.skipped })
      continue
    }
    const session = await createSession(ort, bytes, backend)
    const ms = await msPerRun(ort, session, manifest)
    backends.push({ kind: backend, msPerCall: ms })
    if (!best || ms < best.ms) {
      await best?.session.release()
      best = { backend, session, ms }
    } else {
      await session.release()
    }
  }
  if (!best) throw RecognitionError.classifierFailed('no execution provider could run the model')
  const { session, backend } = best
  const shape = manifest.inputShape

  return {
    manifest,
    backend,
    backends,
    async run(input) {
      const out = await session.run({ [manifest.inputName]: new ort.Tensor('float32', input, shape) })
      const scores = out[manifest.outputName]
      if (!scores) throw RecognitionError.classifierFailed(`the model has no output named ${manifest.outputName}`)
      return toProbabilities(scores.data as Float32Array)
    },
    close: () => session.release(),
  }
}

/** The model file must be the one its manifest describes, byte for byte. */
async function verifyModelBytes(manifest: ModelManifest, bytes: Uint8Array) {
  const file = onnxFile(manifest)
  if (bytes.byteLength !== file.bytes) {
    throw RecognitionError.modelCorrupt(`${manifest.id}/${file.path} is ${bytes.byteLength} bytes; its manifest says ${file.bytes}`)
  }
  const actual = await sha256Hex(bytes)
  if (actual !== file.sha256) throw RecognitionError.modelCorrupt(`${manifest.id}/${file.path} has sha256 ${actual}; its manifest says ${file.sha256}`)
}

export function onnxFile(manifest: ModelManifest) {
  const file = manifest.files.find((f) => f.path.endsWith('.onnx'))
  if (!file) throw RecognitionError.manifestInvalid(`model ${manifest.id} lists no .onnx file`)
  return file
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** Whether WebGPU is worth timing; `any` accepts a fallback adapter (benchmarks force it). */
async function webgpuCandidate(any: boolean): Promise<{ ok: true } | { skipped: string }> {
  if (!('Suspending' in WebAssembly)) return { skipped: 'no JSPI (WebAssembly.Suspending) for the WebGPU build that fits a 25 MiB asset' }
  if (typeof navigator === 'undefined' || !navigator.gpu) return { skipped: 'no navigator.gpu' }
  const adapter = await navigator.gpu.requestAdapter().catch(() => null)
  if (!adapter) return { skipped: 'no WebGPU adapter' }
  const info = adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean }
  const fallback = info.isFallbackAdapter ?? (adapter as GPUAdapter & { isFallbackAdapter?: boolean }).isFallbackAdapter ?? false
  if (fallback && !any) return { skipped: `fallback adapter (${[info.vendor, info.architecture].filter(Boolean).join(' ') || 'software'})` }
  return { ok: true }
}

function configureRuntime(ort: OrtModule) {
  ort.env.wasm.wasmPaths = ORT_WASM_BASE
  // Threads need SharedArrayBuffer, which the browser only grants a cross-origin isolated page.
  ort.env.wasm.numThreads = globalThis.crossOriginIsolated ? Math.min(MAX_THREADS, navigator.hardwareConcurrency || 1) : 1
  ort.env.logLevel = 'error'
}

async function createSession(ort: OrtModule, bytes: Uint8Array, backend: ClassifierBackend) {
  try {
    return await ort.InferenceSession.create(bytes, { executionProviders: [backend], graphOptimizationLevel: 'all' })
  } catch (e) {
    // The bytes matched the manifest, so a runtime refusal means the model itself is unusable here.
    throw RecognitionError.modelCorrupt(`onnxruntime-web (${backend}) refused the model: ${e instanceof Error ? e.message : String(e)}`, e)
  }
}

async function msPerRun(ort: OrtModule, session: Ort.InferenceSession, manifest: ModelManifest): Promise<number> {
  const size = manifest.inputShape.reduce((a, b) => a * b, 1)
  const feeds = { [manifest.inputName]: new ort.Tensor('float32', new Float32Array(size), manifest.inputShape) }
  const timed = async (runs: number) => {
    const t0 = performance.now()
    for (let i = 0; i < runs; i++) await session.run(feeds)
    return (performance.now() - t0) / runs
  }
  for (let i = 0; i < WARMUP_RUNS; i++) await session.run(feeds)
  // Without cross-origin isolation the clock ticks in 0.1 ms steps, longer than a small model takes
  // on WASM: such a model is timed over batches of runs.
  const batch = (await timed(1)) < 1 ? 20 : 1
  const times: number[] = []
  for (let i = 0; i < TIMED_RUNS; i++) times.push(await timed(batch))
  return median(times)
}

/**
 * Models may end in softmax or in logits; the manifest does not say, so scores that are already a
 * distribution are kept and anything else goes through a softmax.
 */
export function toProbabilities(scores: Float32Array): Float32Array {
  let sum = 0
  let min = Infinity
  for (const s of scores) {
    sum += s
    min = Math.min(min, s)
  }
  if (min >= 0 && Math.abs(sum - 1) < 1e-3) return Float32Array.from(scores)
  let max = -Infinity
  for (const s of scores) max = Math.max(max, s)
  const out = new Float32Array(scores.length)
  let z = 0
  for (let i = 0; i < scores.length; i++) z += out[i] = Math.exp((scores[i] as number) - max)
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / z
  return out
}
