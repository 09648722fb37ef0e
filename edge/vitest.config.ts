import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

// Runs edge tests inside workerd with the real bindings of wrangler.toml (Durable Objects, D1, R2).
export default defineConfig({
  plugins: [cloudflareTest({ wrangler: { configPath: '../wrangler.toml' } })],
  test: { name: 'edge', include: ['src/**/*.test.ts'] },
})
