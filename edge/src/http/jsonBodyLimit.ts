/** @module Caps the body of every API request before any route reads it. */
import { bodyLimit } from 'hono/body-limit'
import { ApiError } from './errors'

/** The largest JSON body any route accepts; routes that take more set their own limit. */
export const MAX_JSON_BODY_BYTES = 16_384

export const jsonBodyLimit = (maxBytes = MAX_JSON_BODY_BYTES) =>
  bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError(413, 'payload-too-large', `The request body is over ${maxBytes} bytes.`)
    },
  })
