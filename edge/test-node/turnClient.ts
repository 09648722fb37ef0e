/**
 * @module A minimal TURN client over UDP, enough to check credentials against a real TURN server:
 * an Allocate (RFC 8656 §7.1) with the long-term credential mechanism (RFC 8489 §9.2): the first
 * request is answered 401 with a realm and nonce, the second carries USERNAME, REALM, NONCE and
 * MESSAGE-INTEGRITY keyed with MD5(username:realm:password).
 */
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { createSocket, type Socket } from 'node:dgram'

const MAGIC_COOKIE = 0x2112a442
const HEADER_BYTES = 20
const METHOD = { binding: 0x0001, allocate: 0x0003, refresh: 0x0004 } as const
const CLASS_SUCCESS = 0x0100
const CLASS_ERROR = 0x0110
const ATTR = {
  username: 0x0006,
  messageIntegrity: 0x0008,
  errorCode: 0x0009,
  lifetime: 0x000d,
  realm: 0x0014,
  nonce: 0x0015,
  xorRelayedAddress: 0x0016,
  requestedTransport: 0x0019,
  xorMappedAddress: 0x0020,
} as const
const UDP_PROTOCOL = 17

export type Server = { host: string; port: number }
export type Address = { address: string; port: number }
export type AllocateResult =
  | { kind: 'allocated'; relayed: Address; mapped?: Address; integrityVerified: boolean }
  | { kind: 'refused'; code: number; reason: string }

type Attribute = { type: number; value: Buffer }
type Message = { type: number; transactionId: Buffer; attributes: Attribute[]; raw: Buffer }

export async function allocate(server: Server, credential: { username: string; password: string }): Promise<AllocateResult> {
  const socket = createSocket('udp4')
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve))
  try {
    const transport = attr(ATTR.requestedTransport, Buffer.from([UDP_PROTOCOL, 0, 0, 0]))
    const challenge = await request(socket, server, encode(METHOD.allocate, [transport]))
    const error = errorOf(challenge)
    if (!error || error.code !== 401) throw new Error(`expected a 401 challenge, got ${describe(challenge)}`)
    const realm = text(challenge, ATTR.realm)
    const nonce = text(challenge, ATTR.nonce)
    if (realm === undefined || nonce === undefined) throw new Error('the 401 challenge has no REALM or NONCE')

    const key = createHash('md5').update(`${credential.username}:${realm}:${credential.password}`).digest()
    const attributes = [transport, attr(ATTR.username, Buffer.from(credential.username)), attr(ATTR.realm, Buffer.from(realm)), attr(ATTR.nonce, Buffer.from(nonce))]
    const answer = await request(socket, server, encode(METHOD.allocate, attributes, key))
    const refused = errorOf(answer)
    if (refused) return { kind: 'refused', ...refused }
    if (answer.type !== (METHOD.allocate | CLASS_SUCCESS)) throw new Error(`unexpected answer ${describe(answer)}`)
    const relayed = xorAddress(answer, ATTR.xorRelayedAddress)
    if (!relayed) throw new Error('the success response has no XOR-RELAYED-ADDRESS')
    const mapped = xorAddress(answer, ATTR.xorMappedAddress)
    return { kind: 'allocated', relayed, ...(mapped ? { mapped } : {}), integrityVerified: integrityHolds(answer, key) }
  } finally {
    socket.close()
  }
}

/** A STUN Binding request: answered by any STUN/TURN server without credentials. */
export async function bindingAnswers(server: Server, timeoutMs: number): Promise<boolean> {
  const socket = createSocket('udp4')
  try {
    const answer = await request(socket, server, encode(METHOD.binding, []), timeoutMs)
    return answer.type === (METHOD.binding | CLASS_SUCCESS)
  } catch {
    return false
  } finally {
    socket.close()
  }
}

function encode(method: number, attributes: Buffer[], integrityKey?: Buffer): Buffer {
  const transactionId = randomBytes(12)
  const body = Buffer.concat(attributes)
  const header = (length: number) => {
    const h = Buffer.alloc(HEADER_BYTES)
    h.writeUInt16BE(method, 0)
    h.writeUInt16BE(length, 2)
    h.writeUInt32BE(MAGIC_COOKIE, 4)
    transactionId.copy(h, 8)
    return h
  }
  if (!integrityKey) return Buffer.concat([header(body.length), body])
  // The HMAC covers the header with its length already counting the 24-byte MESSAGE-INTEGRITY.
  const length = body.length + 24
  const mac = createHmac('sha1', integrityKey).update(Buffer.concat([header(length), body])).digest()
  return Buffer.concat([header(length), body, attr(ATTR.messageIntegrity, mac)])
}

function attr(type: number, value: Buffer): Buffer {
  const padded = Buffer.alloc(4 + Math.ceil(value.length / 4) * 4)
  padded.writeUInt16BE(type, 0)
  padded.writeUInt16BE(value.length, 2)
  value.copy(padded, 4)
  return padded
}

function decode(raw: Buffer): Message {
  if (raw.length < HEADER_BYTES || raw.readUInt32BE(4) !== MAGIC_COOKIE) throw new Error('not a STUN message')
  const attributes: Attribute[] = []
  for (let at = HEADER_BYTES; at + 4 <= raw.length; ) {
    const type = raw.readUInt16BE(at)
    const length = raw.readUInt16BE(at + 2)
    attributes.push({ type, value: raw.subarray(at + 4, at + 4 + length) })
    at += 4 + Math.ceil(length / 4) * 4
  }
  return { type: raw.readUInt16BE(0), transactionId: raw.subarray(8, 20), attributes, raw }
}

function request(socket: Socket, server: Server, message: Buffer, timeoutMs = 2_000): Promise<Message> {
  const transactionId = message.subarray(8, 20)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off('message', onMessage)
      reject(new Error(`no answer from ${server.host}:${server.port} within ${timeoutMs} ms`))
    }, timeoutMs)
    const onMessage = (raw: Buffer) => {
      const m = decode(raw)
      if (!m.transactionId.equals(transactionId)) return
      clearTimeout(timer)
      socket.off('message', onMessage)
      resolve(m)
    }
    socket.on('message', onMessage)
    socket.send(message, server.port, server.host)
  })
}

const find = (m: Message, type: number) => m.attributes.find((a) => a.type === type)?.value
const text = (m: Message, type: number) => find(m, type)?.toString('utf8')

function errorOf(m: Message): { code: number; reason: string } | undefined {
  if ((m.type & 0x0110) !== CLASS_ERROR) return undefined
  const v = find(m, ATTR.errorCode)
  if (!v) return { code: 0, reason: 'error response without ERROR-CODE' }
  return { code: (v[2]! & 0x07) * 100 + v[3]!, reason: v.subarray(4).toString('utf8') }
}

function xorAddress(m: Message, type: number): Address | undefined {
  const v = find(m, type)
  if (!v || v[1] !== 0x01) return undefined
  const port = v.readUInt16BE(2) ^ (MAGIC_COOKIE >>> 16)
  const ip = (v.readUInt32BE(4) ^ MAGIC_COOKIE) >>> 0
  return { address: [ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255].join('.'), port }
}

/** Checks the server's own MESSAGE-INTEGRITY: it proves the server derived the same key. */
function integrityHolds(m: Message, key: Buffer): boolean {
  let at = HEADER_BYTES
  for (const a of m.attributes) {
    if (a.type === ATTR.messageIntegrity) {
      const covered = Buffer.from(m.raw.subarray(0, at))
      covered.writeUInt16BE(at + 24 - HEADER_BYTES, 2)
      return createHmac('sha1', key).update(covered).digest().equals(a.value)
    }
    at += 4 + Math.ceil(a.value.length / 4) * 4
  }
  return false
}

function describe(m: Message): string {
  const e = errorOf(m)
  return `type 0x${m.type.toString(16)}${e ? ` error ${e.code} ${e.reason}` : ''}`
}
