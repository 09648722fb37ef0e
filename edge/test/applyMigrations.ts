/** Applies edge/migrations to the test file's D1 before its tests run (storage is per test file). */
import { applyD1Migrations } from 'cloudflare:test'
import { env } from 'cloudflare:workers'

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)
