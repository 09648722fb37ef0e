/**
 * @module The Worker and the API's table of contents: each feature's routes are mounted here,
 * with the middleware every route shares. The PWA itself is served by Workers static assets.
 */
import { Hono } from 'hono'
import type { AppEnv } from './env'
import { notFound, onError } from './http/errors'
import { health } from './http/health'
import { jsonBodyLimit } from './http/jsonBodyLimit'
import { methodNotAllowed } from './http/methodNotAllowed'
import { securityHeaders } from './http/securityHeaders'
import { roomSockets, roomsApi } from './rooms/routes'
import { turn } from './turn/routes'

const app = new Hono<AppEnv>()

app.use(securityHeaders())
app.use(methodNotAllowed(app))
app.use('/api/*', jsonBodyLimit())

app.route('/api/rooms', roomsApi)
app.route('/api/turn', turn)
app.route('/rooms', roomSockets)
app.route('/health', health)

app.onError(onError)
app.notFound(notFound)

export default app
export { Room } from './rooms/Room'
