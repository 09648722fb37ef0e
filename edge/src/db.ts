/** @module The D1 database through drizzle: every feature's tables are queried with this builder. */
import { drizzle } from 'drizzle-orm/d1'

export const makeDb = (d1: D1Database) => drizzle(d1)
export type Db = ReturnType<typeof makeDb>
