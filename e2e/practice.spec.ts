/**
 * Practice as an installed, offline PWA (issue #6), end to end in real headless Chromium against
 * the built app under `wrangler dev`: the first visit installs the service worker; from then on
 * the browser is offline and the service worker serves everything, while fake cameras play real
 * recordings (letter photos, WLASL and Start ASL clips; practiceClips.ts).
 *
 * Chromium's fake camera plays one file for the life of the browser, so each step that needs a
 * different picture relaunches the browser on the same profile (a persistent context): the service
 * worker, its caches and IndexedDB carry over exactly as they would for a user reopening the app.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { seriousViolations } from './axe'
import { CHROMIUM_PATH } from './browser'
import { letterClip, otherSignClip, requirePracticeData, sameSignOtherPersonClip, teachingClip } from './practiceClips'
import { REPO_ROOT, startServer } from './server'

const baseUrl = inject('baseUrl')
const profile = mkdtempSync(join(tmpdir(), 'silenttalk-practice-'))
const FLAGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required', '--disable-renderer-backgrounding', '--disable-background-timer-throttling']
/** Cold start, model load and a few seconds of signing on 2 busy cores. */
const STEP_TIMEOUT_MS = 60_000

/**
 * Prompted letters and the real photo the camera shows for each: the first photo in name order that
 * the letter model reads correctly (npm run caption over grassknoted-photos; Y1021 reads as A): this spec proves the practice
 * loop, offline, not the model's accuracy, which `npm run eval` measures on held-out people.
 */
const LETTERS = [
  { prompt: 'B', photo: 'B/B1061.jpg' },
  { prompt: 'L', photo: 'L/L106.jpg' },
  { prompt: 'Y', photo: 'Y/Y1094.jpg' },
] as const
/** Prompted A, shown a real Y: the feedback must say what it saw instead. */
const WRONG = { prompt: 'A', photo: 'Y/Y1094.jpg', saw: 'Y' } as const

let context: BrowserContext | null = null

async function launch(opts: { camera?: string; denyCamera?: boolean; offline?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  await context?.close()
  const camera = opts.denyCamera
    ? ['--use-fake-device-for-media-stream', '--deny-permission-prompts']
    : ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', ...(opts.camera ? [`--use-file-for-fake-video-capture=${opts.camera}`] : [])]
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, baseURL: baseUrl, viewport: { width: 1280, height: 800 }, args: [...FLAGS, ...camera] })
  if (opts.offline) await context.setOffline(true)
  return { context, page: context.pages()[0] ?? (await context.newPage()) }
}

/** Every response the page gets came from the service worker, and nothing went to the network. */
function watchOffline(ctx: BrowserContext) {
  const fromNetwork: string[] = []
  ctx.on('response', (r) => {
    if (!r.fromServiceWorker()) fromNetwork.push(r.url())
  })
  ctx.on('request', (r) => {
    if (r.serviceWorker()) fromNetwork.push(`(by the service worker) ${r.url()}`)
  })
  const failed: string[] = []
  ctx.on('requestfailed', (r) => {
    // The online probe (a HEAD the service worker never answers) is meant to fail offline.
    if (r.method() !== 'HEAD') failed.push(r.url())
  })
  return { fromNetwork, failed }
}

const ready = (page: Page) => page.locator('[data-recognizer="ready"]').waitFor({ timeout: STEP_TIMEOUT_MS })

beforeAll(() => {
  requirePracticeData('letters/grassknoted-photos')
  requirePracticeData('video/wlasl-abdomen')
})

afterAll(async () => {
  await context?.close()
  rmSync(profile, { recursive: true, force: true })
})

describe('SilentTalk as an installed app', () => {
  it('installs on the first visit and Chromium considers it installable', async () => {
    const { page } = await launch()
    await page.goto('/practice')
    await page.locator('[data-offline-ready="true"]').waitFor({ timeout: 120_000 })
    const cdp = await page.context().newCDPSession(page)
    expect(await cdp.send('Page.getInstallabilityErrors')).toEqual({ installabilityErrors: [] })
    const manifest = await cdp.send('Page.getAppManifest')
    expect(manifest.errors).toEqual([])
    expect(JSON.parse(manifest.data ?? '{}')).toMatchObject({ display: 'standalone', start_url: '/' })
    expect(await seriousViolations(page)).toEqual([])
  }, 180_000)

  it('shows every page offline, and marks the app as offline', async () => {
    const { context: ctx, page } = await launch({ offline: true })
    const offline = watchOffline(ctx)
    await page.goto('/practice/glossary/J')
    await page.getByRole('heading', { name: 'The letter J' }).waitFor()
    await page.getByRole('button', { name: /Pause J|Play J/ }).waitFor()
    await page.getByText('You are offline.').waitFor()
    expect(await seriousViolations(page)).toEqual([])
    expect(offline).toEqual({ fromNetwork: [], failed: [] })
  })
})

describe('practice with no network', () => {
  it.each(LETTERS)('says right when the camera shows the prompted letter $prompt', async ({ prompt, photo }) => {
    if (!existsSync(join(REPO_ROOT, 'models/asl-letters/manifest.json'))) throw new Error('the letter model (models/asl-letters) is not in this build')
    const { context: ctx, page } = await launch({ camera: letterClip(photo), offline: true })
    const offline = watchOffline(ctx)
    await page.goto(`/practice/alphabet?sign=${prompt}`)
    await ready(page)
    const feedback = page.locator('.feedback')
    await feedback.waitFor({ timeout: STEP_TIMEOUT_MS })
    expect(await feedback.getAttribute('data-correct')).toBe('true')
    expect(await feedback.textContent()).toMatch(new RegExp(`^Right: ${prompt} \\(\\d+% sure\\)`))
    expect(offline).toEqual({ fromNetwork: [], failed: [] })
  }, 120_000)

  it('says what it saw instead when the attempt is a different letter', async () => {
    const { page } = await launch({ camera: letterClip(WRONG.photo), offline: true })
    await page.goto(`/practice/alphabet?sign=${WRONG.prompt}`)
    await ready(page)
    const feedback = page.locator('.feedback')
    await feedback.waitFor({ timeout: STEP_TIMEOUT_MS })
    expect(await feedback.getAttribute('data-correct')).toBe('false')
    expect(await feedback.getAttribute('data-saw')).toBe(WRONG.saw)
    expect(await feedback.textContent()).toMatch(new RegExp(`^Not quite: that looked like ${WRONG.saw} \\(\\d+% sure\\)\\. Try ${WRONG.prompt} again\\.`))
    // The attempt counts in the progress the hub shows.
    await page.goto('/practice')
    await page.getByRole('table', { name: 'Hardest signs so far' }).getByRole('row', { name: new RegExp(`^${WRONG.prompt} 0 of \\d`) }).waitFor()
  }, 120_000)
})

describe('a sign of your own', () => {
  let practiseUrl = ''

  it('is taught from three takes of one real clip, and a full disk loses nothing', async () => {
    const { context: ctx, page } = await launch({ camera: teachingClip(), offline: true })
    await page.goto('/practice/your-signs')
    await page.getByRole('button', { name: 'Teach a new sign' }).click()
    await page.getByLabel('What does the sign mean?').fill('abdomen')
    await ready(page)
    await page.getByRole('button', { name: 'Record takes' }).click()
    await page.locator('.takes li').nth(2).waitFor({ timeout: STEP_TIMEOUT_MS })
    expect(await seriousViolations(page)).toEqual([])
    const takeFrames = await page.locator('.takes li').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.frames)))
    expect(takeFrames.every((n) => n >= 15)).toBe(true)

    // The disk is full: saving fails with a clear message and the takes stay.
    const cdp = await ctx.newCDPSession(page)
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: baseUrl, quotaSize: 1 })
    await page.getByRole('button', { name: /^Save sign/ }).click()
    await page.getByText('Your device is out of storage, so this was not saved.').waitFor()
    expect(await page.locator('.takes li').count()).toBe(3)
    await page.getByRole('button', { name: 'Download these takes' }).waitFor()

    await cdp.send('Storage.overrideQuotaForOrigin', { origin: baseUrl })
    await page.getByRole('button', { name: /^Save sign/ }).click()
    await page.getByText('Saved “abdomen”.').waitFor()
    practiseUrl = (await page.locator('[data-sign-name="abdomen"]').getByRole('link', { name: 'Practise' }).getAttribute('href'))!
    expect(practiseUrl).toMatch(/^\/practice\/custom\?sign=/)
  }, 180_000)

  it('is recognised when another person signs it', async () => {
    const { page } = await launch({ camera: sameSignOtherPersonClip(), offline: true })
    await page.goto(practiseUrl)
    await ready(page)
    const feedback = page.locator('.feedback')
    await feedback.waitFor({ timeout: STEP_TIMEOUT_MS })
    expect(await feedback.getAttribute('data-correct')).toBe('true')
    expect(await feedback.textContent()).toMatch(/^Right: abdomen \(\d+% sure\)/)
    expect(await seriousViolations(page)).toEqual([])
  }, 120_000)

  it('is not recognised in a different sign', async () => {
    const { page } = await launch({ camera: otherSignClip(), offline: true })
    await page.goto(practiseUrl)
    await ready(page)
    // Three loops of the 2.6 s clip, every window of it compared with the taught takes.
    const guess = page.locator('.live-guess')
    await guess.filter({ hasText: 'Closest: “abdomen”' }).waitFor({ timeout: STEP_TIMEOUT_MS })
    await page.waitForTimeout(8_000)
    expect(await page.locator('.feedback').count()).toBe(0)
  }, 120_000)
})

describe('when the camera is refused', () => {
  it('says how to allow it', async () => {
    const { page } = await launch({ denyCamera: true, offline: true })
    await page.goto('/practice/your-signs')
    await page.getByRole('button', { name: 'Teach a new sign' }).click()
    await page.getByRole('alert').filter({ hasText: 'Allow camera access in your browser settings' }).waitFor()
  }, 60_000)
})

describe('a new version', () => {
  it('installs in the background, waits for the user to reload, then drops the old caches', async () => {
    // A copy of the build on a server of its own, so this test can publish a new version of it.
    const copy = mkdtempSync(join(tmpdir(), 'silenttalk-dist-'))
    cpSync(join(REPO_ROOT, 'dist'), copy, { recursive: true })
    const server = await startServer({ assetsDir: copy })
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS })
    const cacheNames = (page: Page) => page.evaluate(() => caches.keys())
    try {
      const page = await (await browser.newContext({ baseURL: server.url })).newPage()
      await page.goto('/practice')
      await page.locator('[data-offline-ready="true"]').waitFor({ timeout: 120_000 })
      const swPath = join(copy, 'sw.js')
      const script = readFileSync(swPath, 'utf8')
      const etag = (await fetch(`${server.url}/sw.js`)).headers.get('etag') ?? ''
      const v1 = /version:"([0-9a-f]+)"/.exec(script)?.[1]
      expect(v1).toBeDefined()
      expect(await cacheNames(page)).toContain(`silenttalk-shell-${v1}`)

      // Deploying a changed build gives sw.js a new precache version.
      const v2 = `${v1!.slice(0, -4)}beef`
      writeFileSync(swPath, script.replaceAll(`version:"${v1}"`, `version:"${v2}"`))
      // wrangler dev serves the changed file within a second or two, and for a moment still answers
      // the browser's conditional update check (If-None-Match) with 304 under the old ETag.
      const published = async () => {
        const r = await fetch(`${server.url}/sw.js`, { headers: { 'if-none-match': etag } })
        return r.status === 200 && (await r.text()).includes(v2)
      }
      await expect.poll(published, { timeout: 20_000 }).toBe(true)
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update())
      await page.getByText('A new version of SilentTalk is ready.').waitFor({ timeout: STEP_TIMEOUT_MS })
      // Nothing changes under the user until they choose: the old version still serves the page.
      expect(await cacheNames(page)).toContain(`silenttalk-shell-${v1}`)

      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()])
      await page.getByRole('heading', { name: 'Practise signing' }).waitFor()
      expect(await page.getByText('A new version of SilentTalk is ready.').count()).toBe(0)
      const names = await cacheNames(page)
      expect(names).toContain(`silenttalk-shell-${v2}`)
      expect(names).not.toContain(`silenttalk-shell-${v1}`)
    } finally {
      await browser.close()
      await server.stop()
      rmSync(copy, { recursive: true, force: true })
    }
  }, 240_000)
})
