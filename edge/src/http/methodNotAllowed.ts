/**
 * @module 405 with an `Allow` header, in the API's error shape, for a known path asked with a
 * method it does not serve (RFC 9110 §15.5.6), instead of a misleading 404.
 */
import type { Env, Hono } from 'hono'
import { methodNotAllowed as honoMethodNotAllowed } from 'hono/method-not-allowed'
import { errorBody } from './errors'

export const methodNotAllowed = <E extends Env>(app: Hono<E>) =>
  honoMethodNotAllowed<E>({
    app,
    onMethodNotAllowed: (c, methods) =>
      c.json(errorBody('method-not-allowed', `${c.req.method} is not allowed here; use ${methods.join(', ')}.`), 405, {
        Allow: methods.join(', '),
      }),
  })
