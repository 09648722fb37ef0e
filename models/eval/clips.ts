/**
 * @module The Start ASL instructor clips the e2e proof plays (hello, thank you): never trained on.
 * Their landmarks come from the app's own landmarker via `tools/landmarks.ts` (run once as a
 * separate process; cached under models/.cache/, as the clips may not be committed).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT, sharedDataPath } from '../data/dataRoot'

export const PROOF_CLIPS = ['hello', 'thank-you'] as const

export function ensureClipLandmarks(log: (l: string) => void): string[] {
  const dir = join(REPO_ROOT, 'models/.cache/landmarks')
  mkdirSync(dir, { recursive: true })
  return PROOF_CLIPS.map((clip) => {
    const out = join(dir, `startasl-${clip}.lite.json`)
    if (existsSync(out)) return out
    const video = sharedDataPath(`video/startasl-dev/words/${clip}.mp4`)
    log(`running the hand landmarker over ${video}`)
    const r = spawnSync('npx', ['tsx', 'tools/landmarks.ts', video, '--out', out], { cwd: REPO_ROOT, stdio: 'inherit' })
    if (r.status !== 0 || !existsSync(out)) throw new Error(`tools/landmarks.ts failed on ${video} (exit ${r.status})`)
    return out
  })
}
