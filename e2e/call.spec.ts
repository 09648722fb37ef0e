/**
 * Calls by link (issue #2), end to end: real Chromium pages, the real Worker and Room under
 * `wrangler dev`, real WebRTC over loopback inside a network namespace, and cameras that play a
 * real signing clip. The tests run in order and share one call, as its participants would.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { seriousViolations } from './axe'
import { fakeCameraClip, launchDenyingCamera, launchWithCamera, newParticipant } from './browser'
import { expectLiveVideo, joinCall, remoteTiles, type Person } from './participants'

const baseUrl = inject('baseUrl')
let browser: Browser
let link = ''
const closers: (() => Promise<unknown>)[] = []

beforeAll(async () => {
  browser = await launchWithCamera(fakeCameraClip('hello'))
  closers.push(() => browser.close())
})

afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => undefined)
})

async function join(name: string, opts: { proxied?: boolean } = {}): Promise<Person> {
  const person = await joinCall(browser, baseUrl, link, name, opts)
  closers.push(() => person.context.close())
  return person
}

describe('starting a call', () => {
  it('creates a room from the start page and copies its link', async () => {
    const { context, page } = await newParticipant(browser, baseUrl)
    await page.goto('/')
    await page.getByRole('button', { name: 'Start a call' }).click()
    link = await page.getByLabel('Call link').inputValue()
    expect(link).toMatch(new RegExp(`^${baseUrl}/call/[A-Za-z0-9_-]{22}$`))
    await page.getByRole('button', { name: 'Copy link' }).click()
    await page.getByRole('status').filter({ hasText: 'Link copied to the clipboard.' }).waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link)
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('link', { name: 'Join now' }).click()
    await page.getByRole('heading', { name: 'Ready to join?' }).waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await context.close()
  })

  it('says so when a link is not valid', async () => {
    const { context, page } = await newParticipant(browser, baseUrl)
    await page.goto('/call/not-a-real-room')
    await page.getByRole('heading', { name: 'This link is not valid' }).waitFor()
    await context.close()
  })
})

describe('a call between real browsers', () => {
  let ana: Person
  let ben: Person
  let cy: Person

  it('connects two people who open the same link, each seeing the other sign', async () => {
    ;[ana, ben] = await Promise.all([join('Ana'), join('Ben', { proxied: true })])
    await Promise.all([expectLiveVideo(ana, 1), expectLiveVideo(ben, 1)])
    console.log(`link opened → first remote video frame: ${await ana.describeFirstFrame()}; ${await ben.describeFirstFrame()} (Ben's socket runs through Playwright's proxy)`)
  })

  it('shows each person the quality of their connection to the other, with the numbers', async () => {
    // The first sample has no interval to measure loss over; the second (2 s later) has every number.
    const badge = ana.page.getByRole('group', { name: 'Ben' }).getByRole('img', { name: /^Connection (good|fair|poor): .*packet loss/ })
    await badge.waitFor({ timeout: 10_000 })
    expect(await badge.getAttribute('aria-label')).toMatch(/round trip \d+ ms, packet loss \d+\.\d %, \d+ fps/)
  })

  it('delivers a chat message to everyone in the call', async () => {
    const text = `Hello from Ana ${Date.now()}`
    await ana.page.getByLabel('Message everyone').fill(text)
    await ana.page.getByRole('button', { name: 'Send' }).click()
    for (const p of [ana, ben]) await p.page.getByRole('log', { name: 'Chat messages' }).getByText(text).waitFor()
  })

  it('has no serious accessibility violations on the call page (axe-core)', async () => {
    expect(await seriousViolations(ana.page)).toEqual([])
  })

  it('mutes and turns a camera off and on again without renegotiating, and the others see it', async () => {
    const offers = () => ben.received.filter((f) => f.includes('"kind":"description"')).length
    const before = offers()
    const anaOnBen = ben.page.getByRole('group', { name: 'Ana' })
    await ana.page.getByRole('button', { name: 'Mic' }).click()
    await anaOnBen.getByRole('img', { name: 'microphone off' }).waitFor()
    await ana.page.getByRole('button', { name: 'Camera' }).click()
    await anaOnBen.getByText('camera off').waitFor({ state: 'attached' })
    await ana.page.getByRole('button', { name: 'Camera' }).click()
    await ana.page.getByRole('button', { name: 'Mic' }).click()
    await anaOnBen.getByText('camera off').waitFor({ state: 'detached' })
    await anaOnBen.getByRole('img', { name: 'microphone off' }).waitFor({ state: 'detached' })
    await expectLiveVideo(ben, 1)
    expect(offers()).toBe(before)
  })

  it('keeps the call going through a dropped signalling socket, without a duplicate participant', async () => {
    const anaSees = await remoteTiles(ana.page)
    expect(ben.sockets).toHaveLength(1)
    await ben.sockets[0]!.close({ code: 4000, reason: 'e2e: network dropped' })
    await expect.poll(() => ben.sockets.length, { timeout: 15_000 }).toBe(2)
    await expect.poll(() => ben.page.getByText(/Reconnecting/).count(), { timeout: 15_000 }).toBe(0)
    expect(await remoteTiles(ana.page)).toEqual(anaSees)
    const text = `Ben is back ${Date.now()}`
    await ben.page.getByLabel('Message everyone').fill(text)
    await ben.page.getByRole('button', { name: 'Send' }).click()
    await ana.page.getByRole('log', { name: 'Chat messages' }).getByText(text).waitFor()
    await Promise.all([expectLiveVideo(ana, 1), expectLiveVideo(ben, 1)])
    expect(await remoteTiles(ana.page)).toEqual(anaSees)
  })

  it('connects a third person to both others (full mesh)', async () => {
    cy = await join('Cy')
    await Promise.all([expectLiveVideo(ana, 2), expectLiveVideo(ben, 2), expectLiveVideo(cy, 2)])
    console.log(`link opened → first remote video frame: ${await cy.describeFirstFrame()} (joining a call of two)`)
  })

  it('tells the others when someone leaves', async () => {
    await cy.page.getByRole('button', { name: 'Leave' }).click()
    await cy.page.getByRole('heading', { name: 'You left the call' }).waitFor()
    for (const p of [ana, ben]) {
      await expect.poll(async () => (await remoteTiles(p.page)).length, { timeout: 10_000 }).toBe(1)
      await p.page.getByText('Cy left the call').waitFor({ state: 'attached' })
    }
  })

  it('lets someone who left rejoin with their camera on again', async () => {
    await cy.page.getByRole('button', { name: 'Rejoin' }).click()
    await cy.page.getByRole('button', { name: 'Join', exact: true }).waitFor()
    await cy.page.getByRole('button', { name: 'Join', exact: true }).click()
    for (const p of [ana, ben]) await expect.poll(async () => (await remoteTiles(p.page)).length, { timeout: 20_000 }).toBe(2)
    await cy.page.getByRole('button', { name: 'Leave' }).click()
    await cy.page.getByRole('heading', { name: 'You left the call' }).waitFor()
  })

  it('lets someone whose camera and mic are blocked join without them and still see the call', async () => {
    const denying = await launchDenyingCamera()
    closers.push(() => denying.close())
    const { context, page } = await newParticipant(denying, baseUrl)
    await context.clearPermissions()
    await page.goto(link)
    await page.getByRole('alert').filter({ hasText: 'Camera blocked' }).waitFor()
    await page.getByLabel('Your name').fill('Dee')
    await page.getByRole('button', { name: 'Join without video' }).click()
    await expectLiveVideo({ name: 'Dee', page }, 2)
    const deeTile = ana.page.getByRole('group', { name: 'Dee' })
    await deeTile.getByRole('img', { name: 'microphone off' }).waitFor()
    await deeTile.getByText('camera off').waitFor({ state: 'attached' })
  })

  it('tells someone who arrives when the call is full, and keeps the call going for those in it', async () => {
    expect(await remoteTiles(ana.page)).toHaveLength(inject('roomCapacity') - 1)
    const { context, page } = await newParticipant(browser, baseUrl)
    closers.push(() => context.close())
    await page.goto(link)
    await page.getByLabel('Your name').fill('Eve')
    await page.getByRole('button', { name: /^Join/ }).click()
    await page.getByRole('heading', { name: 'This call is full' }).waitFor()
    expect(await remoteTiles(ana.page)).toHaveLength(inject('roomCapacity') - 1)
  })
})
