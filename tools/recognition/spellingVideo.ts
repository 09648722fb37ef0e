/**
 * @module A fingerspelling video made from real letter photos (../shared/data/letters/
 * grassknoted-photos): each letter held for a while, with a photo of no hand before and after, so
 * the recogniser can be run and timed on spelled words. Written to tools/out/ (git-ignored: the
 * photos may not be committed, nor anything made from them).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { REPO_ROOT } from './openHarness'

export const PHOTOS_DIR = resolve(REPO_ROOT, '../shared/data/letters/grassknoted-photos')

export type SpellingOptions = { holdS?: number; restS?: number; sizePx?: number; fps?: number }

/** Path of an mp4 spelling `word` (A–Z); a repeated letter uses the next photo of it, so the hand moves. */
export function spellingVideo(word: string, opts: SpellingOptions = {}): string {
  const { holdS = 0.8, restS = 0.6, sizePx = 480, fps = 30 } = opts
  if (!existsSync(PHOTOS_DIR)) throw new Error(`${PHOTOS_DIR} is absent: the letter photos live in ../shared/data`)
  const letters = word.toUpperCase().replace(/[^A-Z]/g, '')
  const dir = join(REPO_ROOT, 'tools/out/spelling')
  const out = join(dir, `${letters}-${holdS}s-${sizePx}.mp4`)
  if (existsSync(out)) return out
  mkdirSync(dir, { recursive: true })
  const used = new Map<string, number>()
  const photo = (cls: string) => {
    const files = readdirSync(join(PHOTOS_DIR, cls)).filter((f) => f.endsWith('.jpg')).sort()
    const n = used.get(cls) ?? 0
    used.set(cls, n + 1)
    const f = files[n % files.length]
    if (!f) throw new Error(`no photos of ${cls} in ${PHOTOS_DIR}`)
    return join(PHOTOS_DIR, cls, f)
  }
  const steps = [{ file: photo('nothing'), s: restS }, ...[...letters].map((l) => ({ file: photo(l), s: holdS })), { file: photo('nothing'), s: restS }]
  const list = join(dir, `${letters}-${holdS}s.txt`)
  // The concat demuxer's last entry needs repeating for its duration to apply.
  const last = steps[steps.length - 1] as { file: string }
  writeFileSync(list, [...steps.map((s) => `file '${s.file}'\nduration ${s.s}`), `file '${last.file}'`].join('\n') + '\n')
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list, '-vf', `scale=${sizePx}:${sizePx},fps=${fps},format=yuv420p`, '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', out])
  return out
}
