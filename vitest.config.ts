import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        // Pure logic under Node: shared contracts, decoders, pickers, model tooling.
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'shared/**/*.test.ts',
            'web/src/**/*.test.ts',
            'web/build/**/*.test.ts',
            'models/**/*.test.ts',
            'tools/**/*.test.ts',
            // Edge tests that start real servers (coturn) as child processes.
            'edge/test-node/**/*.test.ts',
            // The room's pure decisions run under Node too, which keeps them free of Workers globals.
            'edge/src/rooms/{roster,relay,throttle,chatHistory}.test.ts',
          ],
          exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
        },
      },
      // The Worker, its Durable Objects, D1 and R2 in workerd.
      'edge/vitest.config.ts',
    ],
  },
})
