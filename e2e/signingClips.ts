/**
 * @module Fake-camera clips of real signing for the caption spec, each with a timeline the test can
 * read back: every frame carries its own number as a 12-bit bar code in the letterbox band under
 * the picture, so the signer's page can tell which frame of the (looping) clip its camera is
 * showing, and when. Made with ffmpeg from ../shared/data and cached under e2e/fixtures/generated/
 * (gitignored: the clips and photos have no licence to be committed).
 *
 * "End of the sign" in a clip: the last frame in which the app's own hand landmarker sees a hand
 * (tools/landmarks.ts over the source clip, cached beside it); for a fingerspelled word built from
 * photos, the last frame of its last letter (the hand-less `nothing` photo follows).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DATA_DIR } from './browser'
import { REPO_ROOT } from './server'

const GENERATED = join(REPO_ROOT, 'e2e/fixtures/generated')
export const CLIP_FPS = 30

/** Where the bar code sits: in the 60-px band that letterboxing a 16:9 clip into 640×480 leaves at the bottom. */
export const FRAME_CODE = { bits: 12, x0: 80, bitWidthPx: 40, y0: 440, heightPx: 30 } as const

export type SigningClip = {
  /** MJPEG file for --use-file-for-fake-video-capture. */
  path: string
  frames: number
  /** Index of the frame where the sign ends (see the module note). */
  signEndFrame: number
}

export function requireData(path: string): string {
  const full = join(DATA_DIR, path)
  if (!existsSync(full)) {
    throw new Error(`the caption spec needs the real signing data: ${full} is missing. Put the shared data set at ../shared/data (see its README.md).`)
  }
  return full
}

/** ffmpeg's geq: draws frame number N as black/white blocks, bit 0 leftmost, over the band. */
function frameCodeFilter(): string {
  const { x0, bitWidthPx, bits, y0, heightPx } = FRAME_CODE
  const inBand = `between(Y,${y0},${y0 + heightPx - 1})*between(X,${x0},${x0 + bits * bitWidthPx - 1})`
  const bit = `floor((X-${x0})/${bitWidthPx})`
  return `format=yuv420p,geq=lum='if(${inBand},if(bitand(N,pow(2,${bit})),235,16),lum(X,Y))':cb='if(${inBand},128,cb(X,Y))':cr='if(${inBand},128,cr(X,Y))'`
}

function encode(out: string, inputArgs: string[], vf: string) {
  mkdirSync(GENERATED, { recursive: true })
  const partial = `${out}.partial`
  execFileSync('ffmpeg', ['-v', 'error', '-y', ...inputArgs, '-vf', vf, '-q:v', '4', '-f', 'mjpeg', partial])
  renameSync(partial, out)
}

const countFrames = (file: string) =>
  Number(execFileSync('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', file], { encoding: 'utf8' }).trim())

/** The last frame with a hand, from the app's landmarker run over the source clip once (cached). */
function lastHandFrame(source: string, name: string): { index: number; fps: number } {
  const cache = join(GENERATED, `${name}.landmarks.json`)
  if (!existsSync(cache)) {
    mkdirSync(GENERATED, { recursive: true })
    execFileSync(join(REPO_ROOT, 'node_modules/.bin/tsx'), [join(REPO_ROOT, 'tools/landmarks.ts'), source, '--out', `${cache}.partial`], { cwd: REPO_ROOT, stdio: 'ignore' })
    renameSync(`${cache}.partial`, cache)
  }
  const { frames, fps } = JSON.parse(readFileSync(cache, 'utf8')) as { frames: { hands: unknown[] }[]; fps: number }
  const index = frames.findLastIndex((f) => f.hands.length > 0)
  if (index < 0) throw new Error(`${source}: the landmarker found no hand in any frame`)
  return { index, fps }
}

/** A Start ASL word clip, letterboxed to 640×480 at 30 fps, with frame codes. */
export function wordClip(word: string): SigningClip {
  const source = requireData(`video/startasl-dev/words/${word}.mp4`)
  const path = join(GENERATED, `${word}-coded-640x480-30.mjpeg`)
  if (!existsSync(path)) {
    const fit = `scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2,fps=${CLIP_FPS}`
    encode(path, ['-i', source], `${fit},${frameCodeFilter()}`)
  }
  const hand = lastHandFrame(source, word)
  return { path, frames: countFrames(path), signEndFrame: Math.min(countFrames(path) - 1, Math.round(((hand.index + 1) / hand.fps) * CLIP_FPS) - 1) }
}

/**
 * A fingerspelled word from real letter photos (grassknoted, 200×200): each letter's photo held
 * `holdS`, then a photo with no hand for `restS`, so the word ends with the hand leaving, as it
 * does when someone finishes spelling. Photos are scaled up to the camera's height, pillarboxed.
 */
export function fingerspelledClip(word: string, photos: Record<string, string>, opts: { holdS?: number; restS?: number; nothing?: string } = {}): SigningClip {
  const holdS = opts.holdS ?? 0.8
  const restS = opts.restS ?? 1.5
  const files = [...word].map((letter) => {
    const photo = photos[letter]
    if (!photo) throw new Error(`no photo chosen for the letter ${letter}`)
    return requireData(`letters/grassknoted-photos/${letter}/${photo}`)
  })
  const nothing = requireData(`letters/grassknoted-photos/nothing/${opts.nothing ?? 'nothing1001.jpg'}`)
  const name = `spell-${word}-${[...word].map((l) => photos[l]!.replace(/\.jpg$/, '')).join('_')}-${holdS}s`
  const path = join(GENERATED, `${name}-640x480-30.mjpeg`)
  if (!existsSync(path)) {
    // concat demuxer: each image shown for its duration; the last entry is repeated so its duration holds.
    const list = join(GENERATED, `${name}.txt`)
    const lines = [...files.map((f) => `file '${f}'\nduration ${holdS}`), `file '${nothing}'\nduration ${restS}`, `file '${nothing}'`]
    writeFileSync(list, `${lines.join('\n')}\n`)
    const fit = `scale=480:480,pad=640:480:80:0,fps=${CLIP_FPS}`
    encode(path, ['-f', 'concat', '-safe', '0', '-i', list], `${fit},${frameCodeFilter()}`)
  }
  return { path, frames: countFrames(path), signEndFrame: Math.round(word.length * holdS * CLIP_FPS) - 1 }
}
