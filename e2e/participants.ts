/**
 * @module A participant as a test drives one: open the call link, fill the pre-join form, join;
 * then watch the remote video that page shows.
 */
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core'
import { expect } from 'vitest'
import { joinClickAtMs, newParticipant, remoteFrames } from './browser'

export type Person = {
  name: string
  page: Page
  context: BrowserContext
  /** Server sides of the room sockets, when `proxied`: a test can cut them. */
  sockets: WebSocketRoute[]
  /** Every text frame the room sent this page, in order. */
  received: string[]
  /** From opening the link to the first frame of any remote video, and from pressing Join: for the run's log. */
  describeFirstFrame: () => Promise<string>
}

/** Ids of the other participants whose tiles this page shows. */
export const remoteTiles = (page: Page) =>
  page.locator('[data-peer-id]:not([data-peer-id="self"])').evaluateAll((tiles) => tiles.map((t) => (t as HTMLElement).dataset.peerId!).sort())

/**
 * Opens `link` as `name`, fills the pre-join form and joins. `proxied` sends the room socket
 * through Playwright so a test can cut it; the others connect directly, so their timings are clean.
 */
export async function joinCall(
  browser: Browser,
  baseUrl: string,
  link: string,
  name: string,
  opts: { proxied?: boolean; initScripts?: string[] } = {},
): Promise<Person> {
  const { context, page } = await newParticipant(browser, baseUrl)
  // Probes a spec installs before the app runs (the caption spec's timing probes).
  for (const script of opts.initScripts ?? []) await context.addInitScript(script)
  const sockets: WebSocketRoute[] = []
  if (opts.proxied) await page.routeWebSocket(/\/rooms\/[^/]+\/socket$/, (ws) => void sockets.push(ws.connectToServer()))
  const received: string[] = []
  page.on('websocket', (ws) => ws.on('framereceived', (f) => void received.push(String(f.payload))))
  await page.goto(link)
  await page.getByLabel('Your name').fill(name)
  await page.getByRole('button', { name: /^Join/ }).click()
  await page.getByRole('navigation', { name: 'Call controls' }).waitFor()
  const firstFrameMs = async () => {
    const log = Object.values(await remoteFrames(page))
    return log.length ? Math.min(...log.map((l) => l.firstAtMs)) : null
  }
  const describeFirstFrame = async () => {
    const [frame, click] = [await firstFrameMs(), await joinClickAtMs(page)]
    if (frame === null) return `${name}: no remote frame yet`
    return `${name} ${Math.round(frame)} ms${click === null ? '' : ` (Join pressed → first frame ${Math.round(frame - click)} ms)`}`
  }
  return { name, page, context, sockets, received, describeFirstFrame }
}

/**
 * Waits until `viewer` has frames from `from` remote tiles, then checks that every picture keeps
 * moving and prints the frame rate. Only movement is asserted: rates are measurements, not pass
 * marks (several Chromium pages share 2 busy cores here, which says nothing of a real phone).
 */
export async function expectLiveVideo(viewer: Pick<Person, 'name' | 'page'>, from: number) {
  await expect.poll(async () => (await remoteTiles(viewer.page)).length, { timeout: 20_000 }).toBe(from)
  const ids = await remoteTiles(viewer.page)
  await expect
    .poll(async () => {
      const log = await remoteFrames(viewer.page)
      return ids.every((id) => (log[id]?.frames ?? 0) > 0)
    }, { timeout: 20_000 })
    .toBe(true)
  const before = await remoteFrames(viewer.page)
  const t0 = Date.now()
  await viewer.page.waitForTimeout(2_000)
  const after = await remoteFrames(viewer.page)
  const seconds = (Date.now() - t0) / 1_000
  const rates = ids.map((id) => (after[id]!.frames - before[id]!.frames) / seconds)
  console.log(`${viewer.name} receives ${rates.map((r) => `${r.toFixed(0)} fps`).join(', ')}`)
  for (const id of ids) expect(after[id]!.frames - before[id]!.frames, `new frames ${viewer.name} ← ${id}`).toBeGreaterThanOrEqual(2)
}
