/**
 * @module Security headers on every response the Worker itself answers (the API, sockets,
 * health). The PWA's files are served by Workers static assets before the Worker runs, so their
 * headers (CSP included) belong with the built app, not here.
 */
import { secureHeaders } from 'hono/secure-headers'

/**
 * API responses are JSON that no page should frame, sniff or embed from another origin. HSTS is
 * left to the deployment's TLS settings: sending it from `wrangler dev` over http://127.0.0.1
 * would mean nothing.
 */
export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    crossOriginResourcePolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: false,
    xFrameOptions: 'DENY',
    permissionsPolicy: {},
  })
