/**
 * @module `npm run bench:pwa`: what the installable app costs and how fast it starts offline, in
 * headless Chromium against the built app (dist/) under local `wrangler dev`.
 *
 * 1. First load of /practice on a fresh profile: every byte the page and the service worker
 *    fetch, by kind (JS, CSS, wasm, models, other): raw (file size), gzip (level 6, computed) and
 *    what actually crossed the wire (wrangler dev compresses like Workers static assets do).
 *    "App JS" is the bundle the page loads to render, before any model or runtime.
 * 2. Cold offline start: the browser closed and started again on the same profile, offline, the
 *    practice page opened, until its recogniser reports ready (a performance mark), several runs,
 *    median and p95 (from navigation start, and from launching the browser).
 *
 * Targets (issue #6): app JS under 150 KB gzip before models; ready under 3 s offline here.
 *
 *   npm run bench:pwa [-- --runs 7]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { summarize } from './stats'
import { startWranglerDev } from './wranglerDev'

const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)))
const DIST = join(REPO_ROOT, 'dist')
/** This helper's loopback ports (issue #6 range 8920–8939). */
const PORTS = { server: 8927, inspector: 8928 }
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const READY_MARK = 'silenttalk:recognizer-ready'
const FLAGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']
const KINDS = ['js', 'css', 'wasm', 'models', 'other'] as const
type Kind = (typeof KINDS)[number]
type Transfer = { url: string; path: string; kind: Kind; raw: number; gzip: number; wire: number; byServiceWorker: boolean }

function kindOf(path: string): Kind {
  if (/\.m?js$/.test(path)) return 'js'
  if (path.endsWith('.css')) return 'css'
  if (path.endsWith('.wasm')) return 'wasm'
  if (path.startsWith('/models/')) return 'models'
  return 'other'
}

const distFile = (path: string) => join(DIST, path === '/' || !/\.[a-z0-9]+$/i.test(path) ? 'index.html' : path)
const gzipCache = new Map<string, number>()
function gzipSize(file: string): number {
  if (!gzipCache.has(file)) gzipCache.set(file, existsSync(file) ? gzipSync(readFileSync(file), { level: 6 }).byteLength : 0)
  return gzipCache.get(file)!
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
const mb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : kb(n))

function table(title: string, rows: Transfer[]) {
  console.log(`\n${title}`)
  console.log(`  ${'kind'.padEnd(8)}${'files'.padStart(6)}${'raw'.padStart(12)}${'gzip'.padStart(12)}${'on the wire'.padStart(14)}`)
  let total = { n: 0, raw: 0, gzip: 0, wire: 0 }
  for (const kind of KINDS) {
    const rs = rows.filter((r) => r.kind === kind)
    const sum = { n: rs.length, raw: rs.reduce((s, r) => s + r.raw, 0), gzip: rs.reduce((s, r) => s + r.gzip, 0), wire: rs.reduce((s, r) => s + r.wire, 0) }
    total = { n: total.n + sum.n, raw: total.raw + sum.raw, gzip: total.gzip + sum.gzip, wire: total.wire + sum.wire }
    if (sum.n) console.log(`  ${kind.padEnd(8)}${String(sum.n).padStart(6)}${mb(sum.raw).padStart(12)}${mb(sum.gzip).padStart(12)}${mb(sum.wire).padStart(14)}`)
  }
  console.log(`  ${'total'.padEnd(8)}${String(total.n).padStart(6)}${mb(total.raw).padStart(12)}${mb(total.gzip).padStart(12)}${mb(total.wire).padStart(14)}`)
}

async function launch(profile: string, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, baseURL, args: FLAGS, viewport: { width: 1280, height: 800 } })
  return { context, page: context.pages()[0] ?? (await context.newPage()) }
}

/** The practice page whose recogniser the cold start waits for: the alphabet when the build has the letter model. */
function readyPage(): { path: string; what: string; teach: boolean } {
  const index = JSON.parse(readFileSync(join(DIST, 'models/index.json'), 'utf8')) as { models: { id: string; kind: string }[] }
  const letters = index.models.find((m) => m.kind === 'letter')
  return letters
    ? { path: '/practice/alphabet', what: `hand landmarker (lite) + ${letters.id}`, teach: false }
    : { path: '/practice/your-signs', what: 'hand landmarker (lite) only: this build has no letter model', teach: true }
}

async function main() {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } })
  const runs = Math.max(1, Number(values.runs))
  if (!existsSync(join(DIST, 'sw.js'))) throw new Error('dist/ has no build with a service worker: run `npm run build` first')
  const server = await startWranglerDev({ port: PORTS.server, inspectorPort: PORTS.inspector, assetsDir: DIST })
  const profile = mkdtempSync(join(tmpdir(), 'silenttalk-bench-pwa-'))
  try {
    // 1. First load.
    const transfers: Transfer[] = []
    let { context, page } = await launch(profile, server.url)
    let installed = false
    context.on('requestfinished', (req) => {
      void req.sizes().then((sizes) => {
        const url = new URL(req.url())
        if (url.origin !== server.url || req.method() !== 'GET') return
        const file = distFile(url.pathname)
        const raw = existsSync(file) ? statSync(file).size : sizes.responseBodySize
        const t: Transfer = { url: req.url(), path: url.pathname, kind: kindOf(url.pathname), raw, gzip: gzipSize(file), wire: sizes.responseBodySize, byServiceWorker: !!req.serviceWorker() }
        if (!installed || t.byServiceWorker) transfers.push(t)
      })
    })
    const t0 = Date.now()
    await page.goto('/practice')
    await page.locator('[data-offline-ready="true"]').waitFor({ timeout: 300_000 })
    const installMs = Date.now() - t0
    await page.waitForTimeout(1_000)
    installed = true
    const byPage = transfers.filter((t) => !t.byServiceWorker)
    const bySw = transfers.filter((t) => t.byServiceWorker)
    table('First view of /practice (what the page fetches to render):', byPage)
    const appJs = byPage.filter((t) => t.kind === 'js' && t.path.startsWith('/assets/'))
    const appJsGzip = appJs.reduce((s, t) => s + t.gzip, 0)
    console.log(`  app JS before models: ${appJs.length} files, ${kb(appJs.reduce((s, t) => s + t.raw, 0))} raw, ${kb(appJsGzip)} gzip (target < 150 KB: ${appJsGzip < 150 * 1024 ? 'met' : 'MISSED'})`)
    table(`Saved for offline use by the service worker (installed ${(installMs / 1000).toFixed(1)} s after opening):`, bySw)
    table('First visit in all:', transfers)
    await context.close()

    // 2. Cold offline starts.
    const target = readyPage()
    console.log(`\nCold offline start of ${target.path} until the recogniser is ready (${target.what}), ${runs} runs:`)
    const fromNavigation: number[] = []
    const fromLaunch: number[] = []
    for (let i = 0; i < runs; i++) {
      const launchedAt = Date.now()
      ;({ context, page } = await launch(profile, server.url))
      await context.setOffline(true)
      await page.goto(target.path)
      if (target.teach) await page.getByRole('button', { name: 'Teach a new sign' }).click()
      await page.locator('[data-recognizer="ready"]').waitFor({ timeout: 60_000 })
      fromLaunch.push(Date.now() - launchedAt)
      fromNavigation.push(await page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? Number.NaN, READY_MARK))
      await context.close()
    }
    const nav = summarize(fromNavigation)
    const all = summarize(fromLaunch)
    console.log(`  navigation → ready: median ${nav.median.toFixed(0)} ms, p95 ${nav.p95.toFixed(0)} ms (target < 3000 ms: ${nav.p95 < 3000 ? 'met' : 'MISSED'})`)
    console.log(`  browser launch → ready: median ${all.median.toFixed(0)} ms, p95 ${all.p95.toFixed(0)} ms`)
    console.log(`  runs (navigation → ready, ms): ${fromNavigation.map((x) => x.toFixed(0)).join(', ')}`)
  } finally {
    await server.stop()
    rmSync(profile, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
