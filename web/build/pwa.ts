/**
 * @module Vite plugin: makes the build an installable, offline PWA.
 *
 * - Draws the icons the web app manifest names (pwaIcons.ts) and emits them; dev serves them too.
 * - After the bundle is written (and the recognition assets beside it), lists every file of the
 *   build with its size and sha256, decides what to precache (pwaPrecache.ts), and builds the
 *   service worker (web/src/pwa/sw/sw.ts) with that manifest inlined as `dist/sw.js`: a separate
 *   Vite build, one classic script with no imports, so every browser that has service workers can
 *   run it. A build that changes any precached file changes sw.js, and the browser sees an update.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { build, type Plugin, type ResolvedConfig } from 'vite'
import { drawIcon, ICONS } from './pwaIcons'
import { precachePlan, type BuiltFile, type PrecacheManifest } from './pwaPrecache'

const SW_ENTRY = 'src/pwa/sw/sw.ts'
const SW_FILE = 'sw.js'

export function pwa(): Plugin {
  let config: ResolvedConfig
  const icons = new Map<string, Buffer>()
  const icon = (file: string) => {
    const spec = ICONS.find((i) => i.file === file)
    if (!spec) return null
    if (!icons.has(file)) icons.set(file, drawIcon(spec.sizePx, spec.purpose))
    return icons.get(file)!
  }

  return {
    name: 'silenttalk-pwa',
    configResolved(resolved) {
      config = resolved
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const png = icon((req.url ?? '').split('?')[0]!.slice(1))
        if (!png) return next()
        res.setHeader('content-type', 'image/png')
        res.end(png)
      })
    },
    generateBundle() {
      for (const spec of ICONS) this.emitFile({ type: 'asset', fileName: spec.file, source: icon(spec.file)! })
    },
    async closeBundle() {
      if (config.command !== 'build') return
      const outDir = resolve(config.root, config.build.outDir)
      const manifest = precachePlan(listBuild(outDir))
      writeFileSync(join(outDir, SW_FILE), await buildServiceWorker(config.root, manifest))
      const mb = (n: number) => (n / 1e6).toFixed(1)
      const total = manifest.entries.reduce((n, e) => n + e.bytes, 0)
      config.logger.info(`sw.js: version ${manifest.version}, ${manifest.entries.length} files precached (${mb(total)} MB)`)
    },
  }
}

function listBuild(outDir: string): BuiltFile[] {
  const out: BuiltFile[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name)
      if (statSync(file).isDirectory()) walk(file)
      else {
        const bytes = readFileSync(file)
        out.push({ url: `/${relative(outDir, file).split(sep).join('/')}`, bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') })
      }
    }
  }
  walk(outDir)
  return out
}

async function buildServiceWorker(root: string, manifest: PrecacheManifest): Promise<string> {
  const result = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    define: { __PRECACHE__: JSON.stringify(manifest) },
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      lib: { entry: resolve(root, SW_ENTRY), formats: ['iife'], name: 'silenttalkServiceWorker', fileName: () => SW_FILE },
    },
  })
  const outputs = Array.isArray(result) ? result : [result]
  for (const o of outputs) {
    if (!('output' in o)) continue
    const chunk = o.output.find((c) => c.type === 'chunk' && c.isEntry)
    if (chunk && chunk.type === 'chunk') return chunk.code
  }
  throw new Error(`building ${SW_ENTRY} produced no script`)
}
