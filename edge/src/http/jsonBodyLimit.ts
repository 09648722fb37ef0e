/**
 * @module Caps the body of every API request before any route reads it: a declared Content-Length
 * over the cap is refused at once; a chunked body is capped where it is read (`readBodyCapped`).
 * A body no route read is drained before the response goes (see `drainBody`).
 */
import type { MiddlewareHandler } from 'hono'
import { ApiError } from './errors'
import { drainBody } from './jsonBody'

/** The largest JSON body any route accepts; routes that take more set their own limit. */
export const MAX_JSON_BODY_BYTES = 16_384

export const jsonBodyLimit =
  (maxBytes = MAX_JSON_BODY_BYTES): MiddlewareHandler =>
  async (c, next) => {
    if (Number(c.req.header('Content-Length') ?? NaN) > maxBytes) {
      throw new ApiError(413, 'payload-too-large', `The request body is over ${maxBytes} bytes.`)
    }
    await next()
    const body = c.req.raw.body
    if (body && !c.req.raw.bodyUsed && !body.locked) await drainBody(body.getReader())
  }
