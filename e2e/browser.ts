/**
 * @module Headless Chromium (Debian's, never a downloaded one) whose fake camera plays a real
 * signing clip, plus what a test needs to watch remote video from outside the app: an init script
 * that counts the frames each remote `<video>` presents (requestVideoFrameCallback), keyed by the
 * tile's participant, with the time of the first one since the page was opened, and when Join was
 * pressed (to tell the app's part of that time from the pre-join form's).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { REPO_ROOT } from './server'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const DATA_DIR = join(REPO_ROOT, '../shared/data')
const GENERATED = join(REPO_ROOT, 'e2e/fixtures/generated')

/**
 * A Start ASL clip as a 640×480 30 fps MJPEG file that Chromium loops as the camera. Made once
 * with ffmpeg and cached (gitignored: the clips have no licence to be committed).
 */
export function fakeCameraClip(word = 'hello'): string {
  const source = join(DATA_DIR, 'video/startasl-dev/words', `${word}.mp4`)
  if (!existsSync(source)) {
    throw new Error(`e2e needs the real signing clips: ${source} is missing. Put the shared data set at ../shared/data (see its README.md).`)
  }
  const out = join(GENERATED, `${word}-640x480-30.mjpeg`)
  if (existsSync(out)) return out
  mkdirSync(GENERATED, { recursive: true })
  const partial = `${out}.partial`
  // Letterboxed, not stretched: 736×414 into 4:3 keeps the signer's proportions.
  const vf = 'scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2,fps=30'
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', source, '-vf', vf, '-q:v', '5', '-f', 'mjpeg', partial])
  renameSync(partial, out)
  return out
}

const COMMON_FLAGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
  // Several pages share one headless browser; none may be throttled as a background tab.
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  // Without camera permission Chrome hides host addresses behind mDNS names (RFC 8828 mode 2);
  // the loopback-only namespace has no mDNS responder and no STUN server to find another route.
  '--disable-features=WebRtcHideLocalIpsWithMdns',
]

/** A browser whose camera plays `clipPath` and whose permission prompts are accepted. */
export function launchWithCamera(clipPath: string): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...COMMON_FLAGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${clipPath}`],
  })
}

/** A browser that has devices but refuses every camera and microphone prompt, like a user clicking Block. */
export function launchDenyingCamera(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...COMMON_FLAGS, '--use-fake-device-for-media-stream', '--deny-permission-prompts'] })
}

export type FrameLog = Record<string, { frames: number; firstAtMs: number }>

declare global {
  interface Window {
    __remoteFrames: FrameLog
    /** When the pre-join screen's Join button was pressed, ms since the page was opened. */
    __joinClickAtMs?: number
  }
}

/**
 * Installed before the app runs; reads only what any visitor could see in the DOM. Plain source
 * text, not a function: a bundler's helpers (esbuild's `__name`) inside a serialised function
 * would not exist in the page.
 */
const WATCH_REMOTE_VIDEO = `
window.__remoteFrames = {}
const hooked = new WeakSet()
const hook = (video) => {
  const peer = video.closest('[data-peer-id]')?.dataset.peerId
  if (!peer || peer === 'self' || hooked.has(video)) return
  hooked.add(video)
  const onFrame = () => {
    const log = (window.__remoteFrames[peer] ??= { frames: 0, firstAtMs: performance.now() })
    log.frames++
    video.requestVideoFrameCallback(onFrame)
  }
  video.requestVideoFrameCallback(onFrame)
}
new MutationObserver(() => document.querySelectorAll('video').forEach(hook)).observe(document, { childList: true, subtree: true })
document.addEventListener('click', (e) => {
  if (e.target instanceof Element && e.target.closest('button')?.textContent?.trim().startsWith('Join')) window.__joinClickAtMs = performance.now()
}, true)
`

export async function newParticipant(browser: Browser, baseUrl: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 } })
  await context.grantPermissions(['camera', 'microphone', 'clipboard-read', 'clipboard-write'], { origin: baseUrl })
  await context.addInitScript(WATCH_REMOTE_VIDEO)
  const page = await context.newPage()
  return { context, page }
}

export const remoteFrames = (page: Page): Promise<FrameLog> => page.evaluate(() => window.__remoteFrames)

export const joinClickAtMs = (page: Page): Promise<number | null> => page.evaluate(() => window.__joinClickAtMs ?? null)
