/**
 * Calls on a bad network: `tc` in the test namespace slows or cuts UDP (the media) while the room
 * socket (TCP) carries on. The picture must keep moving on a thin link, and come back by itself
 * after a cut; the frame rates and the time to recover are printed, not asserted.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { fakeCameraClip, launchWithCamera, remoteFrames } from './browser'
import { blockUdp, limitUdp, restoreNetwork } from './netem'
import { expectLiveVideo, joinCall, type Person } from './participants'

const baseUrl = inject('baseUrl')
let browser: Browser
let ana: Person
let ben: Person

beforeAll(async () => {
  browser = await launchWithCamera(fakeCameraClip('thank-you'))
})

afterAll(async () => {
  restoreNetwork()
  await browser?.close()
})

/** The size of the remote picture this page shows, e.g. "640×480". */
const remoteSize = (page: Page) =>
  page.locator('[data-peer-id]:not([data-peer-id="self"]) video').evaluate((v: HTMLVideoElement) => `${v.videoWidth}×${v.videoHeight}`)

const totalFrames = async (page: Page) => Object.values(await remoteFrames(page)).reduce((n, l) => n + l.frames, 0)

describe('on a bad network', () => {
  it('starts with two people who see each other', async () => {
    const { id } = (await (await fetch(`${baseUrl}/api/rooms`, { method: 'POST' })).json()) as { id: string }
    const link = `${baseUrl}/call/${id}`
    ;[ana, ben] = await Promise.all([joinCall(browser, baseUrl, link, 'Ana'), joinCall(browser, baseUrl, link, 'Ben')])
    await Promise.all([expectLiveVideo(ana, 1), expectLiveVideo(ben, 1)])
  })

  it('keeps the picture moving on a 1 Mbit/s link shared by both directions', async () => {
    // 1 Mbit/s for both directions together: below what two 640×480 streams at 30 fps want, so each
    // encoder has to choose between pixels and frames. (At 600 kbit/s shared, congestion control
    // starves one direction to a few fps for over 10 s after the first loss burst, whatever we ask.)
    limitUdp(1000)
    try {
      // Congestion control needs a few seconds to find the new rate; measure after it has.
      await ana.page.waitForTimeout(8_000)
      await Promise.all([expectLiveVideo(ana, 1), expectLiveVideo(ben, 1)])
      console.log(`on 1 Mbit/s: Ana sees ${await remoteSize(ana.page)}, Ben sees ${await remoteSize(ben.page)}`)
    } finally {
      restoreNetwork()
    }
  })

  it('shows the interruption when UDP is cut, and brings the video back once it returns', async () => {
    blockUdp()
    try {
      await ana.page.getByText('Connection interrupted. Reconnecting…').waitFor({ timeout: 20_000 })
    } finally {
      restoreNetwork()
    }
    const restoredAt = Date.now()
    await Promise.all(
      [ana, ben].map(async (p) => {
        const before = await totalFrames(p.page)
        await expect.poll(() => totalFrames(p.page), { timeout: 30_000, interval: 100 }).toBeGreaterThan(before + 1)
        console.log(`${p.name}'s video back ${Date.now() - restoredAt} ms after the network returned`)
      }),
    )
    await ana.page.getByText('Connection interrupted. Reconnecting…').waitFor({ state: 'detached', timeout: 20_000 })
    await Promise.all([expectLiveVideo(ana, 1), expectLiveVideo(ben, 1)])
  })
})
