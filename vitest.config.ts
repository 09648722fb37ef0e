import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        // Pure logic under Node: shared contracts, decoders, pickers, model tooling.
        test: {
          name: 'unit',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'web/src/**/*.test.ts', 'models/**/*.test.ts', 'tools/**/*.test.ts'],
          exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
        },
      },
      // The Worker, its Durable Objects, D1 and R2 in workerd.
      'edge/vitest.config.ts',
    ],
  },
})
