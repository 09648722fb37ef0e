/**
 * @module The Worker and the API's table of contents: each feature's routes are mounted here,
 * with the middleware every route shares. The PWA itself is served by Workers static assets.
 */
import { Hono } from 'hono'
import { except } from 'hono/combine'
import { authRoutes } from './auth/routes'
import { recoveryRoutes } from './auth/recoveryRoutes'
import { contactRoutes } from './contacts/routes'
import type { AppEnv } from './env'
import { callRoutes, historyRoutes } from './history/routes'
import { apiCors } from './http/cors'
import { notFound, onError } from './http/errors'
import { health } from './http/health'
import { jsonBodyLimit } from './http/jsonBodyLimit'
import { methodNotAllowed } from './http/methodNotAllowed'
import { rateLimit } from './http/rateLimit'
import { securityHeaders } from './http/securityHeaders'
import { presenceRoutes, ringRoutes } from './presence/routes'
import { privacyRoutes } from './privacy/routes'
import { scheduled } from './privacy/scheduled'
import { avatarRoutes, profileRoutes } from './profiles/routes'
import { roomSockets, roomsApi } from './rooms/routes'
import { turn } from './turn/routes'

const app = new Hono<AppEnv>()

app.use(securityHeaders())
app.use(methodNotAllowed(app))
app.use('/api/*', apiCors())
app.use('/api/*', rateLimit())
// The avatar upload is an image of up to 2 MB and sets its own limit.
app.use('/api/*', except('/api/profile/avatar', jsonBodyLimit()))

app.route('/api/rooms', roomsApi)
app.route('/api/turn', turn)
app.route('/rooms', roomSockets)
app.route('/health', health)
app.route('/api/auth', authRoutes)
app.route('/api/auth', recoveryRoutes)
app.route('/api/profile', profileRoutes)
app.route('/api/avatars', avatarRoutes)
app.route('/api/contacts', contactRoutes)
app.route('/api/presence', presenceRoutes)
app.route('/api/ring', ringRoutes)
app.route('/api/calls', callRoutes)
app.route('/api/history', historyRoutes)
app.route('/api/privacy', privacyRoutes)

app.onError(onError)
app.notFound(notFound)

// Hono answers `fetch`; the daily Cron Trigger calls `scheduled` on the same export.
export default Object.assign(app, { scheduled })
export { Room } from './rooms/Room'
export { UserHub } from './presence/UserHub'
export { RateLimiter } from './http/RateLimiter'
