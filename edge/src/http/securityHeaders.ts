/**
 * @module Security headers on every response the Worker itself answers (the API, sockets,
 * health). The PWA's files are served by Workers static assets before the Worker runs, so their
 * headers (CSP included) belong with the built app, not here.
 */
import { secureHeaders } from 'hono/secure-headers'

/**
 * API responses are JSON that no page should frame, sniff or embed from another origin. HSTS is
 * sent on every response (issue #7); browsers ignore it over plain http, so `wrangler dev` on
 * http://127.0.0.1 is unaffected. The app's own files get theirs from web/public/_headers.
 */
export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    crossOriginResourcePolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: 'max-age=63072000; includeSubDomains',
    xFrameOptions: 'DENY',
    permissionsPolicy: { camera: ['self'], microphone: ['self'], geolocation: [], payment: [] },
  })
