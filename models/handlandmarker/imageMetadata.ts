/**
 * @module The TFLite model metadata (tflite-support metadata_schema.fbs, file identifier `M001`) that
 * MediaPipe Tasks needs before it will feed camera images to a float32 model: input tensor 0 is an
 * RGB image normalised as (x - mean) / std.
 *
 * The MediaPipe Hands models take pixels scaled to [0, 1], so mean 0 and std 255. With the common
 * 127.5 / 127.5 ([-1, 1]) the task loads but never finds a hand.
 */
import { Builder } from 'flatbuffers'

export const METADATA_IDENTIFIER = 'M001'
/** The oldest metadata parser that understands every field written here (schema 1.0.0). */
const MIN_PARSER_VERSION = '1.0.0'

// Field slots of metadata_schema.fbs tables, in declaration order; a union takes two slots (type, value).
export const MODEL_METADATA = { name: 0, description: 1, version: 2, subgraphMetadata: 3, author: 4, license: 5, minParserVersion: 7 }
export const SUBGRAPH_METADATA = { inputTensorMetadata: 2, outputTensorMetadata: 3 }
export const TENSOR_METADATA = { name: 0, description: 1, content: 3, processUnits: 4 }
export const CONTENT = { propertiesType: 0, properties: 1 }
export const IMAGE_PROPERTIES = { colorSpace: 0 }
export const PROCESS_UNIT = { optionsType: 0, options: 1 }
export const NORMALIZATION_OPTIONS = { mean: 0, std: 1 }
/** Union and enum values. */
export const CONTENT_PROPERTIES_IMAGE = 2
export const PROCESS_UNIT_NORMALIZATION = 1
export const COLOR_SPACE_RGB = 1

export type ImageModelMetadata = {
  name: string
  description: string
  license: string
  /** Names of the output tensors, in order; MediaPipe expects one TensorMetadata per output. */
  outputNames: string[]
  mean: number[]
  std: number[]
}

export function imageModelMetadata(m: ImageModelMetadata): Uint8Array {
  const b = new Builder(1024)
  const floats = (values: number[]) => {
    b.startVector(4, values.length, 4)
    for (let i = values.length - 1; i >= 0; i--) b.addFloat32(values[i] as number)
    return b.endVector()
  }
  const offsets = (values: number[]) => {
    b.startVector(4, values.length, 4)
    for (let i = values.length - 1; i >= 0; i--) b.addOffset(values[i] as number)
    return b.endVector()
  }

  const mean = floats(m.mean)
  const std = floats(m.std)
  b.startObject(2)
  b.addFieldOffset(NORMALIZATION_OPTIONS.mean, mean, 0)
  b.addFieldOffset(NORMALIZATION_OPTIONS.std, std, 0)
  const normalization = b.endObject()
  b.startObject(2)
  b.addFieldInt8(PROCESS_UNIT.optionsType, PROCESS_UNIT_NORMALIZATION, 0)
  b.addFieldOffset(PROCESS_UNIT.options, normalization, 0)
  const processUnits = offsets([b.endObject()])

  b.startObject(2)
  b.addFieldInt8(IMAGE_PROPERTIES.colorSpace, COLOR_SPACE_RGB, 0)
  const imageProperties = b.endObject()
  b.startObject(3)
  b.addFieldInt8(CONTENT.propertiesType, CONTENT_PROPERTIES_IMAGE, 0)
  b.addFieldOffset(CONTENT.properties, imageProperties, 0)
  const content = b.endObject()

  const inputName = b.createString('image')
  const inputDescription = b.createString('RGB image, pixel values divided by 255')
  b.startObject(7)
  b.addFieldOffset(TENSOR_METADATA.name, inputName, 0)
  b.addFieldOffset(TENSOR_METADATA.description, inputDescription, 0)
  b.addFieldOffset(TENSOR_METADATA.content, content, 0)
  b.addFieldOffset(TENSOR_METADATA.processUnits, processUnits, 0)
  const input = b.endObject()

  const outputs = m.outputNames.map((name) => {
    const n = b.createString(name)
    b.startObject(7)
    b.addFieldOffset(TENSOR_METADATA.name, n, 0)
    return b.endObject()
  })
  const inputVector = offsets([input])
  const outputVector = offsets(outputs)
  b.startObject(10)
  b.addFieldOffset(SUBGRAPH_METADATA.inputTensorMetadata, inputVector, 0)
  b.addFieldOffset(SUBGRAPH_METADATA.outputTensorMetadata, outputVector, 0)
  const subgraphs = offsets([b.endObject()])

  const name = b.createString(m.name)
  const description = b.createString(m.description)
  const license = b.createString(m.license)
  const minParser = b.createString(MIN_PARSER_VERSION)
  b.startObject(8)
  b.addFieldOffset(MODEL_METADATA.name, name, 0)
  b.addFieldOffset(MODEL_METADATA.description, description, 0)
  b.addFieldOffset(MODEL_METADATA.subgraphMetadata, subgraphs, 0)
  b.addFieldOffset(MODEL_METADATA.license, license, 0)
  b.addFieldOffset(MODEL_METADATA.minParserVersion, minParser, 0)
  b.finish(b.endObject(), METADATA_IDENTIFIER)
  return b.asUint8Array().slice()
}
