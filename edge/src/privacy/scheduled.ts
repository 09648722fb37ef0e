/** @module The Worker's `scheduled` handler: the daily Cron Trigger (wrangler.toml `[triggers]`) that prunes old data. */
import { makeDb } from '../db'
import type { Env } from '../env'
import { pruneExpired } from './prune'

export const scheduled: ExportedHandlerScheduledHandler<Env> = async (controller, env, ctx) => {
  ctx.waitUntil(
    pruneExpired(makeDb(env.DB), controller.scheduledTime).then((counts) => console.log('pruned', JSON.stringify(counts))),
  )
}
