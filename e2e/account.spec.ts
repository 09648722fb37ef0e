/**
 * Accounts (issue #7), end to end in real Chromium against `wrangler dev`: two people sign up,
 * become contacts, one calls the other directly (the callee's app rings visibly), both land in
 * the same call, and the call, with its chat, is in both histories.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { seriousViolations } from './axe'
import { fakeCameraClip, launchWithCamera, newParticipant } from './browser'
import { remoteTiles } from './participants'

const baseUrl = inject('baseUrl')
const PASSWORD = 'Sign-with-me-7'
const run = Date.now().toString(36)

type User = { name: string; email: string; page: Page; context: BrowserContext; consoleErrors: string[]; log: string[] }

let browser: Browser
const users: Record<'ana' | 'ben', User> = {} as never
let callUrl = ''

beforeAll(async () => {
  browser = await launchWithCamera(fakeCameraClip('hello'))
})

afterAll(async () => {
  await browser?.close()
})

// What each page went through, printed only when a test fails.
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return
  for (const [key, u] of Object.entries(users)) {
    const banners = await u.page.locator('.ring-banner').allInnerTexts().catch(() => [])
    console.log(`${key} at ${u.page.url()}; banners ${JSON.stringify(banners)}\n  ${u.log.slice(-30).join('\n  ')}`)
  }
})

async function signUp(key: 'ana' | 'ben', name: string): Promise<User> {
  const { context, page } = await newParticipant(browser, baseUrl)
  const consoleErrors: string[] = []
  const log: string[] = []
  page.on('console', (m) => {
    log.push(`${m.type()}: ${m.text()}`)
    if (m.type() === 'error' && /Content[- ]Security[- ]Policy/i.test(m.text())) consoleErrors.push(m.text())
  })
  page.on('framenavigated', (f) => f === page.mainFrame() && log.push(`navigated: ${f.url()}`))
  const user = { name, email: `${key}-${run}@example.org`, page, context, consoleErrors, log }
  await page.goto('/signup')
  await page.getByLabel('Your name').fill(name)
  await page.getByLabel('Email').fill(user.email)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByLabel('Sign language you use most').selectOption('bfi')
  expect(await seriousViolations(page)).toEqual([])
  await page.getByRole('button', { name: 'Create account' }).click()
  await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor()
  users[key] = user
  return user
}

describe('accounts in the app', () => {
  it('serves the app with a CSP that allows no inline script, and the other security headers', async () => {
    const { context, page } = await newParticipant(browser, baseUrl)
    const res = await page.goto('/signup')
    const headers = res!.headers()
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/)
    expect(headers['strict-transport-security']).toMatch(/^max-age=/)
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['referrer-policy']).toBe('no-referrer')
    expect(headers['permissions-policy']).toContain('camera=(self)')
    await context.close()
  })

  it('two people sign up, each landing on their contacts', async () => {
    await Promise.all([signUp('ana', 'Ana Sign'), signUp('ben', 'Ben Hands')])
  })

  it('Ana finds Ben by his email and asks; Ben sees the request at once and accepts; each sees the other online', async () => {
    const { ana, ben } = users
    await ana.page.getByLabel('Name or email').fill(ben.email)
    await ana.page.getByRole('button', { name: 'Search' }).click()
    await ana.page.getByRole('button', { name: 'Ask Ben Hands to be your contact' }).click()
    // No reload: the hub tells Ben's open app that his contacts changed.
    await ben.page.getByRole('heading', { name: 'Asking to be your contact' }).waitFor()
    await ben.page.getByRole('button', { name: 'Accept' }).click()
    await ben.page.getByRole('button', { name: 'Call Ana Sign' }).waitFor()
    await ana.page.getByRole('button', { name: 'Call Ben Hands' }).waitFor()
    await ana.page.getByText('Online').waitFor()
    expect(await seriousViolations(ana.page)).toEqual([])
  })

  it('Ana calls Ben: his app rings with a flashing banner, he accepts, and both land in the same call', async () => {
    const { ana, ben } = users
    await ana.page.getByRole('button', { name: 'Call Ben Hands' }).click()
    const ring = ben.page.getByRole('alertdialog', { name: 'Ana Sign is calling you' })
    await ring.waitFor()
    // Visible, not audible: the banner flashes (an animation runs on it).
    expect(await ring.evaluate((el) => getComputedStyle(el).animationName)).toBe('ring-flash')
    expect(await ben.page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Accept')
    expect(await seriousViolations(ben.page)).toEqual([])
    await ring.getByRole('button', { name: 'Accept' }).click()

    await Promise.all([ana.page.waitForURL(/\/call\/[A-Za-z0-9_-]{22}$/), ben.page.waitForURL(/\/call\/[A-Za-z0-9_-]{22}$/)])
    callUrl = ben.page.url()
    expect(ana.page.url()).toBe(callUrl)

    for (const u of [ana, ben]) {
      // Signed in: the pre-join form already carries the profile name.
      await expect.poll(() => u.page.getByLabel('Your name').inputValue()).toBe(u.name)
      await u.page.getByRole('button', { name: /^Join/ }).click()
      await u.page.getByRole('navigation', { name: 'Call controls' }).waitFor()
    }
    await expect.poll(async () => (await remoteTiles(ana.page)).length, { timeout: 20_000 }).toBe(1)
    await expect.poll(async () => (await remoteTiles(ben.page)).length, { timeout: 20_000 }).toBe(1)
  })

  it('keeps the chat and the call in both histories after they leave; an open history follows the call to its end', async () => {
    const { ana, ben } = users
    const text = `<b>not bold</b> hello from Ana ${run}`
    await ana.page.getByLabel('Message everyone').fill(text)
    await ana.page.getByRole('button', { name: 'Send' }).click()
    await ben.page.getByRole('log', { name: 'Chat messages' }).getByText(text).waitFor()
    // Leaving straight after sending must not lose the message from the history.
    await ana.page.getByRole('button', { name: 'Leave' }).click()
    await ana.page.getByRole('link', { name: 'History' }).click()
    const anasEntry = ana.page.getByRole('list', { name: 'Calls' }).getByRole('listitem').first()
    // Ben is still in it: the call is under way, and Ana's open history follows it to its end.
    await expect.poll(() => anasEntry.innerText()).toMatch(/Outgoing call, in progress/)
    // She opens it to read the chat; the entry changes in place when Ben leaves, and stays open.
    await anasEntry.getByText(`Call with ${ben.name}`).click()
    await anasEntry.getByRole('list', { name: 'Chat' }).getByText(text).waitFor()
    await ben.page.getByRole('button', { name: 'Leave' }).click()
    await expect.poll(() => anasEntry.innerText(), { timeout: 15_000 }).toMatch(/Outgoing call, \d/)
    await anasEntry.getByRole('list', { name: 'Chat' }).getByText(text).waitFor({ timeout: 1_000 })

    for (const [me, other] of [
      [ana, ben],
      [ben, ana],
    ] as const) {
      if (me === ben) await me.page.getByRole('link', { name: 'History' }).click()
      const entry = me.page.getByRole('list', { name: 'Calls' }).getByRole('listitem').first()
      await entry.getByText(`Call with ${other.name}`).waitFor()
      await expect.poll(() => entry.innerText(), { timeout: 10_000 }).toMatch(me === ana ? /Outgoing call, \d/ : /Incoming call, \d/)
      if (me === ben) await entry.getByText(`Call with ${other.name}`).click()
      // Rendered as text: the markup arrives as the characters typed.
      await entry.getByRole('list', { name: 'Chat' }).getByText(text).waitFor()
      expect(await entry.locator('b').count()).toBe(0)
      expect(await seriousViolations(me.page)).toEqual([])
    }
  })

  it('the account and privacy pages are usable with assistive technology', async () => {
    const { ana } = users
    await ana.page.getByRole('link', { name: 'Account', exact: true }).click()
    await ana.page.getByRole('heading', { name: 'Profile and captions' }).waitFor()
    await ana.page.getByRole('listitem').filter({ hasText: 'this device' }).waitFor()
    // Saving says so, and the page keeps saying it once the new profile is in.
    await ana.page.getByLabel('Sign language').selectOption('bfi')
    await ana.page.getByRole('button', { name: 'Save' }).first().click()
    await ana.page.getByRole('status').getByText('Saved. Your other devices use these settings too.').waitFor()
    await ana.page.waitForTimeout(500)
    expect(await ana.page.getByRole('status').getByText('Saved.').isVisible()).toBe(true)
    expect(await ana.page.getByLabel('Sign language').inputValue()).toBe('bfi')
    expect(await seriousViolations(ana.page)).toEqual([])
    await ana.page.getByRole('link', { name: 'Download your data or delete your account' }).click()
    await ana.page.getByRole('heading', { name: 'Delete your account' }).waitFor()
    expect(await seriousViolations(ana.page)).toEqual([])
  })

  it('found no Content Security Policy violations along the way', () => {
    expect([...users.ana.consoleErrors, ...users.ben.consoleErrors]).toEqual([])
  })
})
