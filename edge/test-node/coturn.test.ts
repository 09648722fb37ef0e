/**
 * The Worker's TURN credentials against a real coturn (`use-auth-secret`) on 127.0.0.1: minted
 * with the very function `/api/turn` uses, then tried in a real TURN Allocate over UDP.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomId } from '../../shared/protocol/ids'
import { TURN_TTL_S, mintTurnCredential } from '../src/turn/credentials'
import { allocate, bindingAnswers, type Server } from './turnClient'

/** Helper H1's port range (8800–8819): the listener and the UDP relay ports. */
const LISTEN_PORT = 8810
const RELAY_PORTS = { min: 8811, max: 8819 }
const REALM = 'silenttalk.test'
const server: Server = { host: '127.0.0.1', port: LISTEN_PORT }
const secret = randomBytes(24).toString('base64')

let coturn: ChildProcess | undefined
let dir = ''

beforeAll(async () => {
  if (spawnSync('turnserver', ['--version']).error) {
    throw new Error('turnserver (coturn) is not installed: apt-get install -y coturn')
  }
  dir = mkdtempSync(join(tmpdir(), 'silenttalk-coturn-'))
  const config = [
    'listening-ip=127.0.0.1',
    'relay-ip=127.0.0.1',
    `listening-port=${LISTEN_PORT}`,
    `min-port=${RELAY_PORTS.min}`,
    `max-port=${RELAY_PORTS.max}`,
    `realm=${REALM}`,
    'use-auth-secret',
    `static-auth-secret=${secret}`,
    'no-tls',
    'no-dtls',
    'no-tcp',
    'no-cli',
    'no-rfc5780',
    'no-multicast-peers',
    'no-software-attribute',
    `pidfile=${join(dir, 'turnserver.pid')}`,
    `log-file=${join(dir, 'turnserver.log')}`,
    'simple-log',
  ]
  writeFileSync(join(dir, 'turnserver.conf'), config.join('\n') + '\n')
  coturn = spawn('turnserver', ['-c', join(dir, 'turnserver.conf')], { stdio: 'ignore' })
  const exited = new Promise<number | null>((resolve) => coturn!.once('exit', resolve))
  const deadline = Date.now() + 10_000
  while (!(await bindingAnswers(server, 200))) {
    if (coturn.exitCode !== null || Date.now() > deadline) {
      coturn.kill()
      throw new Error(`coturn did not start (exit ${await Promise.race([exited, null])}); log:\n${readLog()}`)
    }
  }
}, 15_000)

afterAll(async () => {
  if (coturn && coturn.exitCode === null) {
    const exited = new Promise((resolve) => coturn!.once('exit', resolve))
    coturn.kill('SIGTERM')
    await exited
  }
  if (dir) rmSync(dir, { recursive: true, force: true })
})

function readLog(): string {
  try {
    return readFileSync(join(dir, 'turnserver.log'), 'utf8').slice(-4_000)
  } catch {
    return '(no log)'
  }
}

const nowS = () => Date.now() / 1_000

describe('TURN credentials against a real coturn', () => {
  it('accepts a credential minted by the Worker: the Allocate succeeds with a relayed address on 127.0.0.1', async () => {
    const c = await mintTurnCredential({ secret, nowS: nowS(), ttlS: TURN_TTL_S, id: randomId() })
    const result = await allocate(server, { username: c.username, password: c.credential })
    expect(result, readLog()).toMatchObject({ kind: 'allocated', relayed: { address: '127.0.0.1' }, integrityVerified: true })
    if (result.kind !== 'allocated') return
    expect(result.relayed.port).toBeGreaterThanOrEqual(RELAY_PORTS.min)
    expect(result.relayed.port).toBeLessThanOrEqual(RELAY_PORTS.max)
  })

  it('refuses a wrong password with 401', async () => {
    const c = await mintTurnCredential({ secret, nowS: nowS(), ttlS: TURN_TTL_S, id: randomId() })
    const wrong = await mintTurnCredential({ secret: 'not-the-secret', nowS: nowS(), ttlS: TURN_TTL_S, id: 'x' })
    const result = await allocate(server, { username: c.username, password: wrong.credential })
    expect(result).toMatchObject({ kind: 'refused', code: 401 })
  })

  it('refuses a tampered username (expiry pushed a year later, same password) with 401', async () => {
    const c = await mintTurnCredential({ secret, nowS: nowS(), ttlS: TURN_TTL_S, id: randomId() })
    const [expiry, id] = c.username.split(':')
    const tampered = `${Number(expiry) + 365 * 24 * 3600}:${id}`
    const result = await allocate(server, { username: tampered, password: c.credential })
    expect(result).toMatchObject({ kind: 'refused', code: 401 })
  })

  it('refuses an expired credential with 401, even though its password is right', async () => {
    const c = await mintTurnCredential({ secret, nowS: nowS() - 2 * TURN_TTL_S, ttlS: TURN_TTL_S, id: randomId() })
    expect(Number(c.username.split(':')[0])).toBeLessThan(nowS())
    const result = await allocate(server, { username: c.username, password: c.credential })
    expect(result).toMatchObject({ kind: 'refused', code: 401 })
  })
})
