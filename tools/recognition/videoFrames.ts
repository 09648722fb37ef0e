/**
 * @module Decodes a video into numbered JPEG frames with ffmpeg, at the video's own frame rate, so
 * the browser pipeline sees every frame at its real presentation time.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { REPO_ROOT } from './openHarness'

export type DecodedVideo = { dir: string; files: string[]; fps: number; tMs: number[]; width: number; height: number }

/** Frames land in tools/out/ (git-ignored); a second run of the same file reuses them. */
export function videoFrames(video: string, opts: { maxSeconds?: number } = {}): DecodedVideo {
  const probe = JSON.parse(
    execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=avg_frame_rate,width,height', '-of', 'json', video], { encoding: 'utf8' }),
  ).streams?.[0]
  if (!probe) throw new Error(`${video}: no video stream`)
  const [num, den] = String(probe.avg_frame_rate).split('/').map(Number)
  const fps = num && den ? num / den : 30
  const st = statSync(video)
  const key = createHash('sha256').update(`${video}:${st.size}:${st.mtimeMs}:${opts.maxSeconds ?? ''}`).digest('hex').slice(0, 12)
  const dir = join(REPO_ROOT, 'tools/out/frames', `${basename(video).replace(/[^A-Za-z0-9._-]/g, '_')}-${key}`)
  if (!existsSync(join(dir, '.done'))) {
    mkdirSync(dir, { recursive: true })
    const limit = opts.maxSeconds ? ['-t', String(opts.maxSeconds)] : []
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', video, ...limit, '-vsync', 'passthrough', '-q:v', '2', join(dir, '%06d.jpg')])
    execFileSync('touch', [join(dir, '.done')])
  }
  const files = readdirSync(dir).filter((f) => f.endsWith('.jpg')).sort()
  return { dir, files, fps, tMs: files.map((_, i) => (i * 1000) / fps), width: probe.width, height: probe.height }
}
