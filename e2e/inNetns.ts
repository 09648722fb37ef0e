/**
 * @module Runs a command inside a fresh network namespace that has only `lo`, so the browsers,
 * wrangler and coturn the e2e tests start can reach nothing but 127.0.0.1: ICE can never use the
 * machine's real interface (brief: network rule). Usage: `tsx e2e/inNetns.ts <command...>`.
 */
import { execFileSync, spawn } from 'node:child_process'

const command = process.argv.slice(2)
if (command.length === 0) {
  console.error('usage: tsx e2e/inNetns.ts <command...>')
  process.exit(2)
}
if (process.getuid?.() !== 0) {
  console.error('e2e tests create a loopback-only network namespace and need root (ip netns add).')
  process.exit(2)
}

const ns = `silenttalk-e2e-${process.pid}`
const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'inherit' })

try {
  ip('netns', 'add', ns)
} catch {
  console.error('`ip netns add` failed: install iproute2 (apt-get install -y iproute2) and run as root.')
  process.exit(2)
}
const cleanup = () => {
  try {
    execFileSync('ip', ['netns', 'delete', ns], { stdio: 'ignore' })
  } catch {
    /* already gone */
  }
}
ip('-n', ns, 'link', 'set', 'lo', 'up')

const child = spawn('ip', ['netns', 'exec', ns, ...command], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => {
  cleanup()
  process.exit(code ?? (signal ? 1 : 0))
})
