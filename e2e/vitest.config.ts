import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Browsers in one call over loopback, inside the namespace inNetns.ts makes (npm run test:e2e).
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['e2e/globalSetup.ts'],
    // One file at a time: each starts several Chromium pages, and there are 2 cores.
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
})
