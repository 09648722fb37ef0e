/**
 * @module Fake-camera clips for the practice spec, made with ffmpeg from real recordings in
 * ../shared/data and cached under e2e/fixtures/generated/practice/ (gitignored: none of these
 * sources may be committed):
 * - a letter: one real photo of a hand showing it (grassknoted-photos), held as a 4 s video;
 * - teaching a custom sign: one WLASL clip of ABDOMEN three times over (cropped, slowed, sped up),
 *   each followed by the signer's own last frame (hands down) for 0.8 s, as a signer pausing;
 * - the same sign by another person (another WLASL clip), and a different sign (PLEASE, Start ASL).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { DATA_DIR } from './browser'
import { REPO_ROOT } from './server'

const OUT = join(REPO_ROOT, 'e2e/fixtures/generated/practice')
/** Letterboxed into the 640×480 a webcam gives, never stretched. */
const CAMERA = 'scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=30'

export function requirePracticeData(path: string): string {
  const full = join(DATA_DIR, path)
  if (!existsSync(full)) throw new Error(`the practice spec needs real recordings: ${full} is missing. Put the shared data set at ../shared/data (see its README.md).`)
  return full
}

function make(name: string, args: string[]): string {
  const out = join(OUT, `${name}.mjpeg`)
  if (existsSync(out)) return out
  mkdirSync(OUT, { recursive: true })
  const partial = `${out}.partial`
  execFileSync('ffmpeg', ['-v', 'error', '-y', ...args, '-q:v', '5', '-f', 'mjpeg', partial])
  renameSync(partial, out)
  return out
}

/** A photo (relative to grassknoted-photos) held still in front of the camera for 4 s. */
export function letterClip(photo: string): string {
  const source = requirePracticeData(`letters/grassknoted-photos/${photo}`)
  return make(`letter-${photo.replace(/[^A-Za-z0-9]+/g, '_')}`, ['-loop', '1', '-t', '4', '-i', source, '-vf', `scale=480:480,${CAMERA}`])
}

/** One real clip of a sign, three ways: a closer crop, 25% slower, 20% faster; hands down between. */
export function teachingClip(): string {
  const source = requirePracticeData('video/wlasl-abdomen/00336.mp4')
  const pause = 'tpad=stop_mode=clone:stop_duration=0.8'
  const graph = [
    `[0:v]crop=iw*0.8:ih*0.8:iw*0.1:ih*0.15,${CAMERA},${pause}[a]`,
    `[1:v]setpts=1.25*PTS,${CAMERA},${pause}[b]`,
    `[2:v]setpts=0.8*PTS,${CAMERA},${pause}[c]`,
    '[a][b][c]concat=n=3:v=1:a=0[out]',
  ].join(';')
  return make('teach-abdomen-00336', ['-i', source, '-i', source, '-i', source, '-filter_complex', graph, '-map', '[out]'])
}

/** ABDOMEN signed by a different person (WLASL 00335). */
export function sameSignOtherPersonClip(): string {
  return make('abdomen-00335', ['-i', requirePracticeData('video/wlasl-abdomen/00335.mp4'), '-vf', `${CAMERA},tpad=stop_mode=clone:stop_duration=0.5`])
}

/** PLEASE (Start ASL): a flat hand on the chest, the nearest of ten other signs to ABDOMEN. */
export function otherSignClip(): string {
  return make('please-startasl', ['-i', requirePracticeData('video/startasl-dev/words/please.mp4'), '-vf', CAMERA])
}
