import { defineConfig } from 'vite'
import solid from 'vite-plugin-solid'
import { pwa } from './web/build/pwa'
import { recognitionAssets } from './web/build/recognitionAssets'

// The PWA lives in web/; its build lands in dist/, which the Worker serves as static assets.
export default defineConfig({
  root: 'web',
  publicDir: 'public',
  // pwa() runs last: it lists the finished build (recognition assets included) for the service worker.
  plugins: [solid(), recognitionAssets(), pwa()],
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022', sourcemap: true },
  worker: { format: 'es' },
  // onnxruntime-web and tasks-vision load their own wasm at run time; pre-bundling breaks their paths.
  optimizeDeps: { exclude: ['onnxruntime-web', '@mediapipe/tasks-vision'] },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8787',
      '/health': 'http://127.0.0.1:8787',
      '/rooms': { target: 'ws://127.0.0.1:8787', ws: true },
    },
  },
})
