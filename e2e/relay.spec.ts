/**
 * A call relayed through a real coturn when the deployment says relay only (TURN_RELAY_ONLY):
 * `/api/turn` mints REST credentials that coturn accepts, the app honours the relay policy the
 * server sends, and the video that arrives went through the TURN server, not around it.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { turnResponseSchema } from '../shared/protocol/api/rooms'
import { fakeCameraClip, launchWithCamera } from './browser'
import { startCoturn, type Coturn } from './coturn'
import { expectLiveVideo, joinCall } from './participants'
import { startServer, type RunningServer } from './server'

let coturn: Coturn
let server: RunningServer
let browser: Browser

beforeAll(async () => {
  coturn = await startCoturn()
  ;[server, browser] = await Promise.all([
    startServer({ vars: { TURN_URLS: coturn.url, TURN_SECRET: coturn.secret, TURN_RELAY_ONLY: 'true' } }),
    launchWithCamera(fakeCameraClip('thank-you')),
  ])
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await coturn?.stop()
})

it('relays all media through TURN when the server asks for relay only', async () => {
  const turn = turnResponseSchema.parse(await (await fetch(`${server.url}/api/turn`)).json())
  expect(turn.ok && turn.value.iceTransportPolicy).toBe('relay')

  const { id } = (await (await fetch(`${server.url}/api/rooms`, { method: 'POST' })).json()) as { id: string }
  const link = `${server.url}/call/${id}`
  const [ana, ben] = await Promise.all([joinCall(browser, server.url, link, 'Ana'), joinCall(browser, server.url, link, 'Ben')])
  await Promise.all([expectLiveVideo(ana, 1), expectLiveVideo(ben, 1)])
  console.log(`relayed call, link opened → first remote video frame: ${await ana.describeFirstFrame()}; ${await ben.describeFirstFrame()}`)

  await Promise.all([ana.context.close(), ben.context.close()])
  // Had the browsers used host candidates, coturn would have carried only allocations, permissions
  // and ICE checks: a few kilobytes. Seconds of video each way are hundreds (0.3–1.5 MB measured).
  await expect.poll(() => coturn.relayedBytes(), { timeout: 15_000 }).toBeGreaterThan(100_000)
  console.log(`coturn relayed ${((await coturn.relayedBytes()) / 1e6).toFixed(1)} MB`)
})
