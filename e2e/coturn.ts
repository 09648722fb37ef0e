/**
 * @module A real coturn (Debian's `turnserver`) on 127.0.0.1 inside the test namespace, checking
 * credentials with the TURN REST scheme (`use-auth-secret`) as production would. Its log tells a
 * test how many bytes it relayed, which proves media went through it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createSocket } from 'node:dgram'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './server'

export type Coturn = {
  /** For TURN_URLS. */
  url: string
  /** For TURN_SECRET. */
  secret: string
  /**
   * Bytes between the browsers and coturn so far, summed from the `usage` lines coturn logs (with
   * `verbose`) for each allocation every few seconds and when it ends.
   */
  relayedBytes: () => Promise<number>
  stop: () => Promise<void>
}

export async function startCoturn(): Promise<Coturn> {
  if (spawnSync('turnserver', ['--version']).error) throw new Error('turnserver (coturn) is not installed: apt-get install -y coturn')
  const dir = await mkdtemp(join(tmpdir(), 'silenttalk-e2e-coturn-'))
  const port = await freePort()
  const secret = randomBytes(24).toString('base64url')
  const log = join(dir, 'turnserver.log')
  const config = [
    'listening-ip=127.0.0.1',
    'relay-ip=127.0.0.1',
    `listening-port=${port}`,
    'realm=silenttalk.test',
    'use-auth-secret',
    `static-auth-secret=${secret}`,
    // Both peers' relay addresses are on 127.0.0.1 here; coturn refuses loopback peers by default.
    'allow-loopback-peers',
    'no-tls',
    'no-dtls',
    'no-cli',
    'no-rfc5780',
    'no-software-attribute',
    `pidfile=${join(dir, 'turnserver.pid')}`,
    `log-file=${log}`,
    'simple-log',
    'verbose',
  ]
  await writeFile(join(dir, 'turnserver.conf'), config.join('\n') + '\n')
  const child: ChildProcess = spawn('turnserver', ['-c', join(dir, 'turnserver.conf')], { stdio: 'ignore' })
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  const readLog = () => readFile(log, 'utf8').catch(() => '')
  const deadline = Date.now() + 10_000
  while (!(await answersBinding(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`coturn did not start; log:\n${(await readLog()).slice(-3_000)}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    url: `turn:127.0.0.1:${port}?transport=udp`,
    secret,
    async relayedBytes() {
      let total = 0
      for (const m of (await readLog()).matchAll(/: usage: .*?rb=(\d+), .*?sb=(\d+)/g)) total += Number(m[1]) + Number(m[2])
      return total
    },
    async stop() {
      process.off('exit', killOnExit)
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** Whether a STUN Binding request (RFC 8489 §5: type 0x0001, magic cookie) to the port gets any answer. */
function answersBinding(port: number, timeoutMs = 200): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4')
    const request = Buffer.alloc(20)
    request.writeUInt16BE(0x0001, 0)
    request.writeUInt32BE(0x2112a442, 4)
    randomBytes(12).copy(request, 8)
    const done = (answered: boolean) => {
      clearTimeout(timer)
      socket.close()
      resolve(answered)
    }
    const timer = setTimeout(() => done(false), timeoutMs)
    socket.once('message', () => done(true))
    socket.once('error', () => done(false))
    socket.send(request, port, '127.0.0.1')
  })
}
