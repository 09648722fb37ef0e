/**
 * @module `jsonBody(schema)`: a validator that reads a JSON request body under a size cap and checks
 * it with a schema from `shared/protocol`, so the handler reads a typed `c.req.valid('json')`.
 * Hono's own `validator('json')` is not used because it treats a wrong Content-Type as an empty
 * object, reads bodies of any size, and throws an HTTPException rather than our `ApiError`.
 */
import type { Env as HonoEnv, MiddlewareHandler } from 'hono'
import type { Schema } from '../../../shared/schema'
import { ApiError } from './errors'

/** Every JSON body this API accepts is small; the largest is a profile patch. */
export const MAX_JSON_BYTES = 16_384

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i

/** Beyond this much, a body too large to accept is cancelled rather than read to its end. */
const DRAIN_LIMIT_BYTES = 4 * 1024 * 1024

/**
 * Reads what is left of a body and throws it away, so the runtime sees the request through: local
 * workerd stalls its next request after one whose chunked body was left unread.
 */
export async function drainBody(reader: ReadableStreamDefaultReader<Uint8Array>, limit = DRAIN_LIMIT_BYTES): Promise<void> {
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      total += value.byteLength
      if (total > limit) return void (await reader.cancel())
    }
  } catch {
    // The client went away: nothing left to read.
  }
}

/** Reads at most `maxBytes` of the body, whatever Content-Length claims (it may be absent or false). */
export async function readBodyCapped(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get('Content-Length') ?? NaN)
  if (declared > maxBytes) throw tooLarge(maxBytes)
  if (!req.body) return new Uint8Array()
  const reader = req.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await drainBody(reader)
      throw tooLarge(maxBytes)
    }
    chunks.push(value)
  }
  const out = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out
}

const tooLarge = (maxBytes: number) => new ApiError(413, 'payload-too-large', `The body is larger than ${maxBytes} bytes.`)

export async function parseJsonBody<T>(req: Request, schema: Schema<T>, maxBytes = MAX_JSON_BYTES): Promise<T> {
  const mediaType = (req.headers.get('Content-Type') ?? '').split(';')[0]!.trim()
  if (!JSON_MEDIA_TYPE.test(mediaType)) {
    throw new ApiError(415, 'unsupported-media-type', 'Send the body as application/json.')
  }
  const bytes = await readBodyCapped(req, maxBytes)
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes))
  } catch {
    throw new ApiError(400, 'bad-json', 'The body is not valid JSON.')
  }
  const r = schema.parse(value)
  if (!r.ok) throw new ApiError(400, 'bad-request', `${r.error.path} ${r.error.message}`)
  return r.value
}

/**
 * @example
 * app.post('/login', jsonBody(loginRequestSchema), (c) => { const { email } = c.req.valid('json') })
 */
export function jsonBody<T, E extends HonoEnv = HonoEnv, P extends string = string>(
  schema: Schema<T>,
  maxBytes = MAX_JSON_BYTES,
): MiddlewareHandler<E, P, { in: { json: T }; out: { json: T } }> {
  return async (c, next) => {
    c.req.addValidatedData('json', (await parseJsonBody(c.req.raw, schema, maxBytes)) as object)
    await next()
  }
}
