/**
 * @module Starts the web app's Vite dev server and a headless Chromium on the recognition harness
 * page (`/__recognition/harness.html`), so node tools run the app's own recogniser — worker,
 * landmarker, classifier, decoder — over media files. Media is served read-only from the folders
 * the caller mounts, at `/__media/<mount>/<relative path>`.
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { dirname, extname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { createServer, type Plugin, type ViteDevServer } from 'vite'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
/** This tool family's loopback ports (the project gives each helper a range). */
const PORTS = { first: 8840, last: 8859 }
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const MEDIA_TYPES: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp', '.mp4': 'video/mp4', '.webm': 'video/webm' }

export type Harness = {
  page: Page
  origin: string
  /** URL of a file under a mounted folder. */
  mediaUrl(mount: string, file: string): string
  /** Calls `recognitionHarness[name](...args)` in the page; args must be JSON. */
  call<T>(name: string, ...args: unknown[]): Promise<T>
  close(): Promise<void>
}

export type HarnessOptions = {
  mounts: Record<string, string>
  /** Extra Chromium flags (e.g. a fake camera). */
  args?: string[]
  verbose?: boolean
}

function mediaPlugin(mounts: Record<string, string>): Plugin {
  return {
    name: 'silenttalk-tool-media',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '')
        const m = /^\/__media\/([^/]+)\/(.+)$/.exec(path)
        const root = m && mounts[m[1] as string]
        if (!m || !root) return next()
        const file = resolve(root, m[2] as string)
        if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
          res.statusCode = 404
          return res.end()
        }
        res.setHeader('content-type', MEDIA_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream')
        res.setHeader('content-length', String(statSync(file).size))
        createReadStream(file).pipe(res)
      })
    },
  }
}

async function listen(mounts: Record<string, string>): Promise<ViteDevServer> {
  for (let port = PORTS.first; port <= PORTS.last; port++) {
    const server = await createServer({
      configFile: join(REPO_ROOT, 'vite.config.ts'),
      logLevel: 'error',
      plugins: [mediaPlugin(mounts)],
      // The harness imports only ES modules; pre-bundling would reload the page mid-run.
      optimizeDeps: { noDiscovery: true, include: [] },
      server: { host: '127.0.0.1', port, strictPort: true, hmr: false, proxy: {} },
    })
    try {
      await server.listen()
      return server
    } catch (e) {
      await server.close()
      // Vite reports a taken port (strictPort) with a plain Error, not EADDRINUSE.
      const taken = (e as NodeJS.ErrnoException).code === 'EADDRINUSE' || /already in use/.test(String((e as Error).message))
      if (!taken) throw e
    }
  }
  throw new Error(`no free port in ${PORTS.first}-${PORTS.last}`)
}

export async function openHarness(opts: HarnessOptions): Promise<Harness> {
  const mounts = Object.fromEntries(Object.entries(opts.mounts).map(([k, v]) => [k, resolve(v)]))
  const server = await listen(mounts)
  let browser: Browser | undefined
  try {
    const origin = `http://127.0.0.1:${server.config.server.port}`
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--enable-unsafe-webgpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--autoplay-policy=no-user-gesture-required',
        ...(opts.args ?? []),
      ],
    })
    const page = await browser.newPage()
    page.on('console', (m) => {
      if (opts.verbose || m.type() === 'error') process.stderr.write(`[browser ${m.type()}] ${m.text()}\n`)
    })
    page.on('pageerror', (e) => process.stderr.write(`[browser pageerror] ${e.message}\n`))
    await page.goto(`${origin}/__recognition/harness.html`)
    await page.waitForFunction('globalThis.recognitionHarness !== undefined', undefined, { timeout: 60_000 })
    const b = browser
    return {
      page,
      origin,
      mediaUrl: (mount, file) => `/__media/${mount}/${relative(mounts[mount] as string, resolve(mounts[mount] as string, file)).split(sep).map(encodeURIComponent).join('/')}`,
      // A string expression, not a function: tsx's transpiled functions do not survive serialisation.
      call: (name, ...args) => page.evaluate(`globalThis.recognitionHarness[${JSON.stringify(name)}](...${JSON.stringify(args)})`),
      async close() {
        await b.close()
        await server.close()
      },
    }
  } catch (e) {
    await browser?.close()
    await server.close()
    throw e
  }
}
