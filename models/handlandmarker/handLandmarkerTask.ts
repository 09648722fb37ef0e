/**
 * @module Turns the two MediaPipe Hands models into a HandLandmarker `.task` bundle that
 * @mediapipe/tasks-vision accepts: each model gains the image metadata the Tasks API requires for a
 * float32 input ("it requires specifying NormalizationOptions metadata to preprocess input images"),
 * and both go into a stored zip under the names the HandLandmarker graph looks up.
 */
import { imageModelMetadata } from './imageMetadata'
import { storedZip } from './storedZip'
import { readTflite, TFLITE_METADATA, withMetadataBuffer } from './tflite'

export const DETECTOR_ENTRY = 'hand_detector.tflite'
export const LANDMARKS_ENTRY = 'hand_landmarks_detector.tflite'

/** The Hands models were trained on RGB pixels scaled to [0, 1]. */
const PIXELS_TO_UNIT = { mean: [0], std: [255] }

export function withImageMetadata(model: Uint8Array, name: string, description: string): Uint8Array {
  const main = readTflite(model).subgraphs[0]
  if (main === undefined || main.inputs.length !== 1) throw new Error(`${name}: expected one subgraph with one image input`)
  const metadata = imageModelMetadata({
    name,
    description,
    license: 'Apache-2.0 (MediaPipe Hands, @mediapipe/hands)',
    outputNames: main.outputs.map((o) => o.name),
    ...PIXELS_TO_UNIT,
  })
  return withMetadataBuffer(model, TFLITE_METADATA, metadata)
}

export function buildHandLandmarkerTask(palmDetector: Uint8Array, handLandmarks: Uint8Array): Uint8Array {
  return storedZip([
    { name: DETECTOR_ENTRY, data: withImageMetadata(palmDetector, 'palm_detection', 'MediaPipe palm detector') },
    { name: LANDMARKS_ENTRY, data: withImageMetadata(handLandmarks, 'hand_landmark', 'MediaPipe 21-point hand landmark model') },
  ])
}
