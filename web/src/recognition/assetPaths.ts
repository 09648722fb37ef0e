/**
 * @module The stable URLs the recogniser loads its runtimes and models from. `web/build/recognitionAssets.ts`
 * serves these paths in dev and copies the files into `dist/` under the same names; the service
 * worker (issue #6) precaches them by the same names.
 */

/** tasks-vision's ES-module wasm build (`vision_wasm_module_internal.{js,wasm}`). */
export const MEDIAPIPE_WASM_BASE = '/recognition/mediapipe'
/** onnxruntime-web's runtime files (`ort-wasm-simd-threaded[.jspi].{mjs,wasm}`). */
export const ORT_WASM_BASE = '/recognition/ort/'
/** The HandLandmarker bundles built by `models/handlandmarker/build.ts`, with `tasks.json`. */
export const HAND_LANDMARKER_BASE = '/models/handlandmarker'
/** `{ models: [{ id, kind, language, name }] }`: the classifiers this build ships. */
export const MODEL_INDEX_URL = '/models/index.json'

export const handLandmarkerTaskUrl = (variant: LandmarkerVariant) => `${HAND_LANDMARKER_BASE}/hand_landmarker_${variant}.task`
export const handLandmarkerIndexUrl = () => `${HAND_LANDMARKER_BASE}/tasks.json`
export const modelManifestUrl = (id: string) => `/models/${id}/manifest.json`
export const modelFileUrl = (id: string, path: string) => `/models/${id}/${path}`

export type LandmarkerVariant = 'lite' | 'full'
