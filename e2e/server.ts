/**
 * @module Starts the whole app as users get it, `wrangler dev` serving the built PWA, the API and
 * the rooms with local Durable Objects, D1 and R2, on a free loopback port, with its state in a
 * temporary directory that is removed when it stops.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))
const WRANGLER = join(REPO_ROOT, 'node_modules/.bin/wrangler')
/** wrangler dev on 2 cores takes 5–15 s to answer its first request. */
const READY_TIMEOUT_MS = 60_000

export type RunningServer = { url: string; stop: () => Promise<void> }

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const address = s.address()
      s.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

const wranglerEnv = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' }

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(WRANGLER, args, { cwd: REPO_ROOT, env: wranglerEnv, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    p.stderr.on('data', (d) => (stderr += d))
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`wrangler ${args.join(' ')} failed (${code}):\n${stderr}`))))
  })
}

/**
 * `vars` become `--var` flags, e.g. TURN_URLS/TURN_SECRET for a run against a local coturn.
 * `assetsDir` serves another copy of the built app than dist/ (the practice spec changes its copy
 * to publish a "new version").
 */
export async function startServer(opts: { vars?: Record<string, string>; assetsDir?: string } = {}): Promise<RunningServer> {
  if (!existsSync(join(REPO_ROOT, 'dist/index.html'))) throw new Error('dist/ has no build: run `npm run build` first (npm run test:e2e does).')
  const persistDir = await mkdtemp(join(tmpdir(), 'silenttalk-e2e-'))
  await run(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistDir])
  const port = await freePort()
  const inspectorPort = await freePort()
  const vars = Object.entries(opts.vars ?? {}).flatMap(([k, v]) => ['--var', `${k}:${v}`])
  const assets = opts.assetsDir ? ['--assets', opts.assetsDir] : []
  const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspectorPort), '--persist-to', persistDir, '--show-interactive-dev-session=false', ...assets, ...vars]
  const child = spawn(WRANGLER, args, { cwd: REPO_ROOT, env: wranglerEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const url = `http://127.0.0.1:${port}`
  // If the test process dies before `stop`, take wrangler and workerd with it rather than orphan them.
  const killOnExit = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {
      // already gone
    }
  }
  process.once('exit', killOnExit)

  const stop = async () => {
    process.off('exit', killOnExit)
    await kill(child)
    await rm(persistDir, { recursive: true, force: true })
  }
  try {
    await waitUntilReady(url, child, () => output)
  } catch (e) {
    await stop()
    throw e
  }
  return { url, stop }
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output()}`)
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`wrangler dev did not answer within ${READY_TIMEOUT_MS} ms:\n${output()}`)
}

/** wrangler starts workerd as a child: signal the whole process group, not just wrangler. */
async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return
  const exited = new Promise((r) => child.once('exit', r))
  try {
    process.kill(-child.pid, 'SIGTERM')
  } catch {
    return
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {
      // already gone
    }
  }, 5_000)
  await exited
  clearTimeout(timer)
}
