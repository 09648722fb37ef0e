// Browser tests (`*.browser.test.ts`) run in Debian's Chromium, never a downloaded browser.
import { esbuildPlugin } from '@web/dev-server-esbuild'
import { chromeLauncher } from '@web/test-runner-chrome'
import { testServerMiddleware } from './web/build/testServerMiddleware.mjs'

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export default {
  files: ['web/src/**/*.browser.test.ts'],
  // onnxruntime-web's non-bundled entry loads its wasm glue from wasmPaths (as the app's Vite build does).
  nodeResolve: { exportConditions: ['browser', 'production', 'onnxruntime-web-use-extern-wasm'] },
  // The recogniser's runtime files and models at their app URLs; ../shared/data read-only at /shared-data/.
  middleware: [testServerMiddleware(new URL('.', import.meta.url).pathname)],
  plugins: [esbuildPlugin({ ts: true, tsx: true, jsx: true, target: 'es2022', tsconfig: 'web/tsconfig.json' })],
  concurrency: 1,
  testFramework: { config: { timeout: 120_000 } },
  testsFinishTimeout: 600_000,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromium,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu-sandbox',
          '--enable-unsafe-webgpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
}
