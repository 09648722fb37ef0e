/**
 * @module Runs the app's hand landmarker (the real browser recogniser, in headless Chromium) over
 * photos or a video and writes what it saw as the shared `FrameObservation`s, e.g. to train the
 * letter model on photos.
 *
 *   npx tsx tools/landmarks.ts <folder | video> --out file.json [--variant lite|full] [--mirrored]
 *
 * A folder is searched recursively for images; each image's label is the name of its folder
 * (class-named subfolders, as in ../shared/data/letters/grassknoted-photos). Every image is seen on
 * its own (IMAGE mode). A video is decoded by ffmpeg and every frame is seen in order (VIDEO mode,
 * with tracking), at its presentation time.
 *
 * Output: `{ source, variant, mode, mirrored, items: [{ path, label, observation }] }` for a folder,
 * `{ source, variant, mode, mirrored, fps, frames: [observation] }` for a video. An image whose hand
 * was not found has an observation with no hands.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { FrameObservation } from '../shared/features/observation'
import { listImages } from './recognition/listImages'
import { openHarness, type Harness } from './recognition/openHarness'
import { videoFrames } from './recognition/videoFrames'

/** Images per harness call: keeps the page's memory flat and lets progress be reported. */
const BATCH = 100

type Report = { frames: ({ observation: FrameObservation } | null)[]; errors: { reason: string; message: string }[] }

async function observeImages(h: Harness, root: string, images: string[], run: object) {
  const items: { path: string; label: string; observation: FrameObservation }[] = []
  for (let i = 0; i < images.length; i += BATCH) {
    const batch = images.slice(i, i + BATCH)
    const report = await h.call<Report>('recognizeFrames', { ...run, mode: 'image' }, batch.map((f) => h.mediaUrl('in', f)), batch.map((_, k) => i + k))
    if (report.errors.length) throw new Error(report.errors.map((e) => `${e.reason}: ${e.message}`).join('; '))
    batch.forEach((file, k) => {
      const observation = report.frames[k]?.observation
      if (!observation) throw new Error(`${file}: no result from the recogniser`)
      items.push({ path: relative(root, file), label: basename(dirname(file)), observation })
    })
    process.stderr.write(`\r${Math.min(i + BATCH, images.length)}/${images.length} images`)
  }
  process.stderr.write('\n')
  return items
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, variant: { type: 'string', default: 'lite' }, mirrored: { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false } },
  })
  const input = positionals[0]
  if (!input || !values.out) throw new Error('usage: tsx tools/landmarks.ts <folder | video> --out file.json [--variant lite|full] [--mirrored]')
  if (!existsSync(input)) throw new Error(`${input} does not exist (shared data lives in ../shared/data)`)
  const variant = values.variant === 'full' ? 'full' : 'lite'
  const run = { variant, delegate: 'CPU', numHands: 2, models: [], mirrored: values.mirrored }
  const source = resolve(input)
  const isFolder = statSync(source).isDirectory()

  if (isFolder) {
    const images = listImages(source)
    if (images.length === 0) throw new Error(`${input}: no images found`)
    const h = await openHarness({ mounts: { in: source }, verbose: values.verbose })
    try {
      const items = await observeImages(h, source, images, run)
      writeFileSync(values.out, JSON.stringify({ source: input, variant, mode: 'image', mirrored: values.mirrored, items }))
      const found = items.filter((i) => i.observation.hands.length > 0).length
      console.log(`${items.length} images, a hand found in ${found}; wrote ${values.out}`)
    } finally {
      await h.close()
    }
    return
  }

  const video = videoFrames(source)
  const h = await openHarness({ mounts: { in: video.dir }, verbose: values.verbose })
  try {
    const report = await h.call<Report>('recognizeFrames', { ...run, mode: 'video' }, video.files.map((f) => h.mediaUrl('in', join(video.dir, f))), video.tMs)
    if (report.errors.length) throw new Error(report.errors.map((e) => `${e.reason}: ${e.message}`).join('; '))
    const frames = report.frames.map((f, i) => {
      if (!f) throw new Error(`frame ${i}: no result from the recogniser`)
      return f.observation
    })
    writeFileSync(values.out, JSON.stringify({ source: input, variant, mode: 'video', mirrored: values.mirrored, fps: video.fps, frames }))
    console.log(`${frames.length} frames at ${video.fps.toFixed(2)} fps, hands in ${frames.filter((f) => f.hands.length).length}; wrote ${values.out}`)
  } finally {
    await h.close()
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
