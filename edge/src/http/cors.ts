/**
 * @module CORS for the API: only origins on the allowlist (`CORS_ORIGINS`) may call it from
 * another origin. The app itself is same-origin and needs no CORS at all, so the default list is empty.
 */
import type { Context } from 'hono'
import { cors } from 'hono/cors'

export const allowedOrigins = (configured: string | undefined): Set<string> =>
  new Set(
    (configured ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  )

export const apiCors = () =>
  cors({
    origin: (origin, c: Context<{ Bindings: { CORS_ORIGINS?: string } }>) =>
      allowedOrigins(c.env.CORS_ORIGINS).has(origin) ? origin : null,
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Content-Type', 'Authorization'],
    exposeHeaders: ['Retry-After', 'RateLimit', 'RateLimit-Policy'],
    // The refresh cookie is SameSite=Strict; credentials matter only to sibling origins of one site.
    credentials: true,
    maxAge: 600,
  })
