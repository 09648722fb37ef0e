/**
 * @module Starts a local `wrangler dev` for a benchmark and stops it afterwards: local Durable
 * Objects, D1 and R2 kept in a throwaway directory, so a run never touches `.wrangler/state`.
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export type DevServer = {
  url: string
  stop(): Promise<void>
  /** CPU time (user + system) all of its processes have used so far; undefined where unknown. */
  cpuTimeMs(): number | undefined
}

/**
 * Serves the API with an empty assets directory: the benchmarks talk to the API and the rooms
 * only, so they do not need `npm run build`.
 */
export async function startWranglerDev(opts: {
  port: number
  inspectorPort: number
  startTimeoutMs?: number
  /** Apply edge/migrations to the throwaway D1 first (benchmarks of the account API need tables). */
  migrate?: boolean
  /** Worker variables, passed as `--var NAME:value`. */
  vars?: Record<string, string>
  /** Serve this built app (e.g. `dist`) as the static assets instead of an empty directory (bench:pwa). */
  assetsDir?: string
}): Promise<DevServer> {
  const dir = mkdtempSync(join(tmpdir(), 'silenttalk-bench-'))
  const assets = opts.assetsDir ?? join(dir, 'assets')
  if (!opts.assetsDir) mkdirSync(assets)
  const wrangler = createRequire(import.meta.url).resolve('wrangler/bin/wrangler.js')
  const wranglerEnv = {
    ...process.env,
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    WRANGLER_SEND_METRICS: 'false',
    // A registry of its own: other `wrangler dev`s of this worker on the machine (tests, other
    // benches) would otherwise show up in the shared one and restart this one mid-run.
    WRANGLER_REGISTRY_PATH: join(dir, 'registry'),
  }
  if (opts.migrate) {
    execFileSync(process.execPath, [wrangler, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', join(dir, 'state')], {
      env: wranglerEnv,
      stdio: ['ignore', 'ignore', 'inherit'],
    })
  }
  const args = [
    wrangler, 'dev',
    '--ip', '127.0.0.1',
    '--port', String(opts.port),
    '--inspector-port', String(opts.inspectorPort),
    '--persist-to', join(dir, 'state'),
    '--assets', assets,
    '--show-interactive-dev-session=false',
    '--log-level', 'warn',
    ...Object.entries(opts.vars ?? {}).flatMap(([name, value]) => ['--var', `${name}:${value}`]),
  ]
  let output = ''
  // Its own process group, so stopping it also stops the workerd processes it starts.
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: wranglerEnv,
  })
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  const url = `http://127.0.0.1:${opts.port}`
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      process.kill(-child.pid, 'SIGTERM')
      await exited
    }
    rmSync(dir, { recursive: true, force: true })
  }
  const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000)
  for (;;) {
    if (child.exitCode !== null) {
      await stop()
      throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output}`)
    }
    try {
      const res = await fetch(`${url}/health`)
      if (res.ok) return { url, stop, cpuTimeMs: () => (child.pid ? groupCpuTimeMs(child.pid) : undefined) }
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`wrangler dev did not answer /health in time:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
}

/** Sums utime + stime over every process in a process group, from /proc (Linux only). */
function groupCpuTimeMs(pgid: number): number | undefined {
  const TICKS_PER_S = 100 // USER_HZ, 100 on every Linux this runs on
  try {
    let ticks = 0
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue
      let stat: string
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      } catch {
        continue // exited meanwhile
      }
      // Fields after the command name, which is in parentheses and may contain spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(fields[2]) !== pgid) continue
      ticks += Number(fields[11]) + Number(fields[12])
    }
    return (ticks / TICKS_PER_S) * 1_000
  } catch {
    return undefined
  }
}
