/**
 * @module Shapes UDP on the namespace's loopback with `tc` (HTB + a u32 match on IP protocol 17),
 * so WebRTC media sees a slow or dead network while the signalling socket (TCP) is untouched.
 * Refuses to run anywhere but the loopback-only namespace, where it cannot disturb anyone else.
 */
import { execFileSync } from 'node:child_process'

const tc = (...args: string[]) => execFileSync('tc', args, { stdio: ['ignore', 'ignore', 'pipe'] })

function assertIsolated() {
  const links = execFileSync('ip', ['-o', 'link', 'show'], { encoding: 'utf8' }).trim().split('\n')
  if (links.length !== 1 || !links[0]!.includes(' lo:')) {
    throw new Error('netem shapes loopback traffic: run it only inside the e2e namespace (npm run test:e2e).')
  }
}

/**
 * Caps all UDP on lo, both directions together, to `kbit` per second, with a queue of
 * `queuePackets` (a few hundred milliseconds, like a real bottleneck, not lo's 1,000-packet
 * buffer that would hold tens of seconds). TCP is not limited.
 */
export function limitUdp(kbit: number, queuePackets = 30): void {
  assertIsolated()
  restoreNetwork()
  tc('qdisc', 'add', 'dev', 'lo', 'root', 'handle', '1:', 'htb', 'default', '20', 'r2q', '1000')
  tc('class', 'add', 'dev', 'lo', 'parent', '1:', 'classid', '1:10', 'htb', 'rate', `${kbit}kbit`, 'ceil', `${kbit}kbit`)
  tc('class', 'add', 'dev', 'lo', 'parent', '1:', 'classid', '1:20', 'htb', 'rate', '10gbit')
  tc('qdisc', 'add', 'dev', 'lo', 'parent', '1:10', 'handle', '10:', 'pfifo', 'limit', String(queuePackets))
  tc('filter', 'add', 'dev', 'lo', 'parent', '1:', 'protocol', 'ip', 'prio', '1', 'u32', 'match', 'ip', 'protocol', '17', '0xff', 'flowid', '1:10')
}

/** As good as cutting UDP: 1 kbit/s with a one-packet queue drops nearly every packet. */
export function blockUdp(): void {
  limitUdp(1, 1)
}

export function restoreNetwork(): void {
  assertIsolated()
  try {
    tc('qdisc', 'del', 'dev', 'lo', 'root')
  } catch {
    // Nothing was installed.
  }
}
