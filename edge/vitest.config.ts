import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

// wrangler refuses a config whose assets directory is missing; the edge tests do not need the
// built PWA, so an empty one stands in until `npm run build` fills it.
mkdirSync(fileURLToPath(new URL('../dist', import.meta.url)), { recursive: true })

// Runs edge tests inside workerd with the real bindings of wrangler.toml (Durable Objects, D1, R2).
export default defineConfig({
  plugins: [
    cloudflareTest(async () => ({
      wrangler: { configPath: '../wrangler.toml' },
      // The drizzle-kit migrations, read here in Node and applied inside workerd by test/applyMigrations.ts.
      miniflare: { bindings: { TEST_MIGRATIONS: await readD1Migrations(fileURLToPath(new URL('migrations', import.meta.url))) } },
    })),
  ],
  test: { name: 'edge', include: ['src/**/*.test.ts'], setupFiles: ['./test/applyMigrations.ts'] },
})
