/** @module The hub of one user: the Durable Object that holds their open apps' sockets. */
import type { Env } from '../env'

export const hubOf = (env: Pick<Env, 'USERS'>, userId: string) => env.USERS.get(env.USERS.idFromName(userId))
