/**
 * @module HTTP errors as values: a route throws `ApiError(status, code)`; `onError` turns it into
 * `{ error: { code, message } }`. Any other error is a bug: logged with its stack, answered with a
 * bare 500 that reveals nothing.
 */
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ErrorBody, HttpErrorCode } from '../../../shared/protocol/errors'

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: HttpErrorCode,
    message: string = code,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

export function errorBody(code: HttpErrorCode, message: string): ErrorBody {
  return { error: { code, message } }
}

export function onError(e: Error, c: Context): Response {
  if (e instanceof ApiError) {
    return c.json(errorBody(e.code, e.message), e.status, e.headers)
  }
  console.error('unhandled error', e)
  return c.json(errorBody('internal', 'Something went wrong on our side.'), 500)
}

export function notFound(c: Context): Response {
  return c.json(errorBody('not-found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}`), 404)
}
