/**
 * @module Batch captioning with the app's own recogniser (worker, landmarker, classifier, decoder)
 * in headless Chromium, and the way we evaluate it on real media.
 *
 *   npm run caption -- <video | folder of images> [--format vtt|srt|json] [--model ID]… [--variant lite|full]
 *
 * - A video is decoded by ffmpeg and every frame goes through the pipeline at its presentation time;
 *   the captions are printed as WebVTT (default), SubRip or JSON, timed in media time.
 * - A folder of images with no subfolders is a frame sequence (`--fps`, default 30), captioned the same way.
 * - A folder of class-named subfolders (e.g. ../shared/data/letters/grassknoted-photos) is a test set
 *   for the letter model: every image is classified on its own and the tool prints accuracy and a
 *   confusion table. `nothing` means no letter: right when no hand is found or the model says "no sign".
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { CaptionEvent } from '../shared/protocol/captions'
import { formatCaptions, type CaptionFormat } from './recognition/captionFormats'
import { listImages } from './recognition/listImages'
import { openHarness, REPO_ROOT } from './recognition/openHarness'
import { videoFrames } from './recognition/videoFrames'

type Frame = { letters: { label: string; p: number }[]; observation: { hands: unknown[] } } | null
type Report = {
  frames: Frame[]
  captions: CaptionEvent[]
  errors: { reason: string; message: string }[]
  ready: { landmarker: { delegate: string }; models: { id: string; kind: string; labels: string[]; backend: string }[] }
}
type ModelInfo = { id: string; kind: 'letter' | 'word'; noSign?: string }

const NO_HAND = '(no hand)'
const NOTHING = 'nothing'
const BATCH = 100

function installedModels(): ModelInfo[] {
  const dir = join(REPO_ROOT, 'models')
  return readdirSync(dir)
    .filter((id) => existsSync(join(dir, id, 'manifest.json')))
    .map((id) => {
      const m = JSON.parse(readFileSync(join(dir, id, 'manifest.json'), 'utf8'))
      return { id, kind: m.kind, noSign: m.noSign }
    })
}

/** `no-webgpu` only says which backend runs the model; anything else means the run is not trustworthy. */
function failOnErrors(report: Report, fatal: (reason: string) => boolean) {
  for (const e of report.errors) if (!fatal(e.reason)) process.stderr.write(`note: ${e.reason}: ${e.message}\n`)
  const bad = report.errors.filter((e) => fatal(e.reason))
  if (bad.length) throw new Error(bad.map((e) => `${e.reason}: ${e.message}`).join('; '))
}

/** Rows: the true class; columns: what the recogniser said. */
export function confusionTable(pairs: { truth: string; said: string }[]): string {
  const truths = [...new Set(pairs.map((p) => p.truth))].sort()
  const saids = [...new Set([...truths, ...pairs.map((p) => p.said)])].sort()
  const width = Math.max(4, ...saids.map((s) => s.length)) + 1
  const cell = (s: string | number) => String(s).padStart(width)
  const lines = [cell('') + saids.map(cell).join('') + cell('acc')]
  for (const t of truths) {
    const row = pairs.filter((p) => p.truth === t)
    const hits = row.filter((p) => p.said === t).length
    lines.push(cell(t) + saids.map((s) => cell(row.filter((p) => p.said === s).length || '.')).join('') + cell(`${Math.round((100 * hits) / row.length)}%`))
  }
  return lines.join('\n')
}

async function classifyFolder(root: string, model: ModelInfo, variant: string, verbose: boolean) {
  const images = listImages(root).filter((f) => dirname(f) !== root)
  const h = await openHarness({ mounts: { in: root }, verbose })
  const pairs: { truth: string; said: string }[] = []
  try {
    for (let i = 0; i < images.length; i += BATCH) {
      const batch = images.slice(i, i + BATCH)
      const run = { variant, mode: 'image', delegate: 'CPU', numHands: 1, models: [model.id], captionMode: 'letters' }
      const report = await h.call<Report>('recognizeFrames', run, batch.map((f) => h.mediaUrl('in', f)), batch.map((_, k) => i + k))
      failOnErrors(report, (reason) => reason !== 'no-webgpu')
      if (!report.ready.models.some((m) => m.id === model.id)) throw new Error(`model ${model.id} did not load`)
      batch.forEach((f, k) => {
        const frame = report.frames[k]
        const top = frame?.letters[0]?.label
        const said = !frame || frame.observation.hands.length === 0 ? NO_HAND : top === model.noSign ? NOTHING : (top ?? NO_HAND)
        pairs.push({ truth: basename(dirname(f)), said })
      })
      process.stderr.write(`\r${Math.min(i + BATCH, images.length)}/${images.length} images`)
    }
    process.stderr.write('\n')
  } finally {
    await h.close()
  }
  const labels = new Set(JSON.parse(readFileSync(join(REPO_ROOT, 'models', model.id, 'manifest.json'), 'utf8')).labels as string[])
  // `nothing` is right when nothing was read; classes the model does not know (del, space) are left out.
  const scored = pairs
    .filter((p) => labels.has(p.truth) || p.truth === NOTHING)
    .map((p) => (p.truth === NOTHING && p.said === NO_HAND ? { ...p, said: NOTHING } : p))
  const skipped = [...new Set(pairs.filter((p) => !labels.has(p.truth) && p.truth !== NOTHING).map((p) => p.truth))]
  const hits = scored.filter((p) => p.truth === p.said).length
  const withHand = scored.filter((p) => p.truth !== NOTHING && p.said !== NO_HAND)
  console.log(confusionTable(scored))
  console.log(`\nmodel ${model.id}, landmarker ${variant}: ${scored.length} images, accuracy ${((100 * hits) / scored.length).toFixed(1)}%`)
  console.log(`letters with a hand found: ${withHand.length}/${scored.filter((p) => p.truth !== NOTHING).length}, accuracy on those ${((100 * withHand.filter((p) => p.truth === p.said).length) / Math.max(1, withHand.length)).toFixed(1)}%`)
  if (skipped.length) console.log(`classes the model does not know, left out: ${skipped.join(', ')}`)
}

async function captionFrames(dir: string, files: string[], tMs: number[], models: ModelInfo[], variant: string, format: CaptionFormat, verbose: boolean) {
  const h = await openHarness({ mounts: { in: dir }, verbose })
  try {
    const kinds = new Set(models.map((m) => m.kind))
    const captionMode = kinds.size === 2 ? 'both' : kinds.has('word') ? 'words' : 'letters'
    const run = { variant, mode: 'video', delegate: 'CPU', numHands: 2, models: models.map((m) => m.id), captionMode }
    const report = await h.call<Report>('recognizeFrames', run, files.map((f) => h.mediaUrl('in', join(dir, f))), tMs)
    failOnErrors(report, (reason) => reason !== 'no-webgpu')
    const loaded = report.ready.models.map((m) => `${m.id} (${m.kind}, ${m.backend})`).join(', ') || 'none'
    const withHands = report.frames.filter((f) => f && f.observation.hands.length > 0).length
    process.stderr.write(`${files.length} frames, hands in ${withHands}; models: ${loaded}\n`)
    process.stdout.write(formatCaptions(report.captions, format))
  } finally {
    await h.close()
  }
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'vtt' },
      model: { type: 'string', multiple: true },
      variant: { type: 'string', default: 'lite' },
      fps: { type: 'string', default: '30' },
      verbose: { type: 'boolean', default: false },
    },
  })
  const input = positionals[0]
  if (!input) throw new Error('usage: npm run caption -- <video | folder of images> [--format vtt|srt|json] [--model ID]… [--variant lite|full]')
  if (!existsSync(input)) throw new Error(`${input} does not exist (the shared data lives in ../shared/data)`)
  const format = values.format as CaptionFormat
  if (!['vtt', 'srt', 'json'].includes(format)) throw new Error(`--format must be vtt, srt or json`)
  const variant = values.variant === 'full' ? 'full' : 'lite'
  const all = installedModels()
  const models = values.model ? values.model.map((id) => all.find((m) => m.id === id) ?? { id, kind: 'letter' as const }) : all
  if (models.length === 0) throw new Error('no classifier models under models/<id>/manifest.json: only landmarks could be computed')
  const source = resolve(input)

  if (statSync(source).isDirectory()) {
    const hasClasses = readdirSync(source).some((d) => statSync(join(source, d)).isDirectory())
    if (hasClasses) {
      const letterModel = models.find((m) => m.kind === 'letter')
      if (!letterModel) throw new Error('a folder of classes needs a letter model (--model ID)')
      return classifyFolder(source, letterModel, variant, values.verbose)
    }
    const files = listImages(source).map((f) => basename(f))
    const fps = Number(values.fps)
    return captionFrames(source, files, files.map((_, i) => (i * 1000) / fps), models, variant, format, values.verbose)
  }
  const video = videoFrames(source)
  return captionFrames(video.dir, video.files, video.tMs, models, variant, format, values.verbose)
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
