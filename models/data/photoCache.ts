/**
 * @module The photos' landmarks, cached outside git (models/.cache/, never committed: the photos'
 * licence is unverified). Made on first use by running the app's real hand landmarker over
 * ../shared/data/letters/grassknoted-photos with `tools/landmarks.ts` (headless Chromium, lite model,
 * the default the recogniser runs), as a separate process.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { REPO_ROOT, sharedDataPath } from './dataRoot'

export const PHOTO_LANDMARKS = join(REPO_ROOT, 'models/.cache/landmarks/grassknoted-photos.lite.json')

export function ensurePhotoLandmarks(log: (l: string) => void = console.log): string {
  if (existsSync(PHOTO_LANDMARKS)) return PHOTO_LANDMARKS
  const photos = sharedDataPath('letters/grassknoted-photos')
  mkdirSync(dirname(PHOTO_LANDMARKS), { recursive: true })
  log(`running the hand landmarker over ${photos} (once; cached in ${PHOTO_LANDMARKS})`)
  const r = spawnSync('npx', ['tsx', 'tools/landmarks.ts', photos, '--out', PHOTO_LANDMARKS], { cwd: REPO_ROOT, stdio: 'inherit' })
  if (r.status !== 0 || !existsSync(PHOTO_LANDMARKS)) throw new Error(`tools/landmarks.ts failed on ${photos} (exit ${r.status})`)
  return PHOTO_LANDMARKS
}
