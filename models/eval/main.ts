/**
 * @module `npm run eval -- <letters|words> [--data DIR] [--people a,b] [--folds K] [--clips] [--latency]`
 *
 * Without --data: the held-out protocol. Letters: leave one person out (every person in turn, or
 * those whose name contains one of --people), or with --folds K, K folds that each hold out every
 * K-th person (stricter: fewer people to learn from; every person is still held out once). Words:
 * K folds (default 4) by person; every fold holds out a K-th of the Kaggle ISLR Deaf signers and of
 * the webcam signers, never seen in its training.
 * Prints accuracy per person and per class and writes models/<id>/heldout.json and confusion.png.
 *
 * With --data DIR: scores the committed model.onnx (onnxruntime-web, WASM) on DIR: any directory in
 * the Kaggle ISLR format (train.csv + parquet), of sequence .npz archives, of letter CSVs or photo
 * landmark JSON, or a video landmarks JSON from tools/landmarks.ts (words: what it says over time).
 * --clips: the Start ASL hello and thank-you clips through the app's landmarker (never trained on).
 */
import { createHash } from 'node:crypto'
import { mkdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { LETTER_FEATURE_SIZE } from '../../shared/features/letterFeatures'
import { SIGN_STEP_SIZE, SIGN_WINDOW_FRAMES } from '../../shared/features/signFeatures'
import { FEATURE_VERSION } from '../../shared/features/version'
import { loadLetterCorpus, readLetterDir } from '../data/letterSets'
import { ensurePhotoLandmarks } from '../data/photoCache'
import { loadSignCorpus, readSignDir } from '../data/signSets'
import type { LetterSample, SignSequence } from '../data/types'
import { modelDir } from '../export/writeModel'
import { LETTER_AUGMENT, LETTER_NET, LETTER_TRAINING, letterEvalSet, trainLetters } from '../recipes/letters'
import { MODELS, modelName } from '../recipes/models'
import { SEQUENCE_AUGMENT } from '../train/augmentSequence'
import { NO_SIGN, trainWords, WORD_LABELS, WORD_NET, WORD_TRAINING, wordEvalSet } from '../recipes/words'
import type * as tfl from '@tensorflow/tfjs-layers'
import { predict } from '../train/net'
import { ensureClipLandmarks } from './clips'
import { clipVerdict, formatVerdict, wordTakeCaptions, type WindowScorer } from './clipReport'
import { writeConfusionPng } from './confusionPng'
import { runFold, type Fold } from './heldOut'
import { argmaxRows, formatReport, reportMarkdown, scoreReport, type Report, type Scored } from './metrics'
import { loadOnnxModel, measureLatency, runOnnx, type LoadedModel } from './onnxModel'

const t0 = performance.now()
const log = (l: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${l}`)

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      people: { type: 'string' },
      folds: { type: 'string' },
      clips: { type: 'boolean', default: false },
      latency: { type: 'boolean', default: false },
    },
  })
  const name = modelName(positionals[0])
  const id = MODELS[name].id
  if (values.latency) return latency(id, name)
  if (values.clips) return clips(id)
  if (values.data) return name === 'letters' ? lettersOnData(id, values.data) : wordsOnData(id, values.data)
  const folds = values.folds === undefined ? undefined : Number(values.folds)
  return name === 'letters' ? lettersHeldOut(id, values.people, folds) : wordsHeldOut(id, folds ?? 4)
}

const recipeKey = (parts: unknown[]) => createHash('sha256').update(JSON.stringify([FEATURE_VERSION, ...parts])).digest('hex')

async function lettersHeldOut(id: string, only: string | undefined, k: number | undefined) {
  const all = loadLetterCorpus({ photoLandmarks: ensurePhotoLandmarks(log) })
  const people = [...new Set(all.map((s) => s.person))].sort()
  const wanted = only ? people.filter((p) => only.split(',').some((w) => p.includes(w))) : people
  const groups = k === undefined || k >= wanted.length ? wanted.map((p) => [p]) : Array.from({ length: k }, (_, f) => wanted.filter((_, i) => i % k === f))
  const key = recipeKey([LETTER_NET, LETTER_TRAINING, LETTER_AUGMENT, all.length])
  const scored: Scored[] = []
  for (const group of groups) {
    const fold: Fold = { name: group.length === 1 ? group[0]! : `fold-${groups.indexOf(group) + 1}-of-${groups.length}`, held: new Set(group) }
    const result = await runFold(
      {
        id,
        recipeKey: key,
        inputShape: [LETTER_FEATURE_SIZE],
        classes: LETTER_NET.classes,
        train: (held) => trainLetters(all.filter((s) => !held.has(s.person))),
        evalSet: (held) => letterEvalSet(all.filter((s) => held.has(s.person))),
        log,
      },
      fold,
    )
    scored.push(...result.scored)
  }
  const protocol = groups.every((g) => g.length === 1) ? 'leave-one-person-out' : `${groups.length} folds by person (each holds out ${Math.ceil(wanted.length / groups.length)} people)`
  const report = scoreReport(MODELS.letters.labels, scored)
  console.log(formatReport(report, `${protocol}, ${wanted.length} of ${people.length} people`))
  saveHeldOut(id, `${protocol}, ${wanted.length} of ${people.length} people`, [{ title: 'Every person held out', report }])
}

async function wordsHeldOut(id: string, k: number) {
  const sequences = loadSignCorpus()
  const letters = loadLetterCorpus({ photoLandmarks: ensurePhotoLandmarks(log) })
  const isKaggle = (p: string) => p.startsWith('kaggle-islr/')
  const people = [...new Set(sequences.map((s) => s.person))].sort()
  const kaggle = people.filter(isKaggle)
  const webcam = people.filter((p) => !isKaggle(p))
  const key = recipeKey([WORD_NET, WORD_TRAINING, SEQUENCE_AUGMENT, sequences.length, letters.length])
  const scored: Scored[] = []
  const takes: Scored[] = []
  for (let f = 0; f < k; f++) {
    const held = new Set([...kaggle.filter((_, i) => i % k === f), ...webcam.filter((_, i) => i % k === f)])
    const result = await runFold(
      {
        id,
        recipeKey: key,
        inputShape: [SIGN_WINDOW_FRAMES, SIGN_STEP_SIZE],
        classes: WORD_LABELS.length,
        train: (h) => trainWords(sequences.filter((s) => !h.has(s.person)), letters.filter((s) => !h.has(s.person)), WORD_TRAINING, log),
        evalSet: (h) => wordEvalSet(sequences.filter((s) => h.has(s.person))),
        // Captioning every take through the decoder's windows costs ~0.6 s a take here: done for the
        // Deaf signers, whose takes are the ones the target is about.
        evalTakes: (net, h) => wordTakeCaptions(tfjsScorer(net), sequences.filter((s) => h.has(s.person) && isKaggle(s.person))),
        log,
      },
      { name: `fold-${f + 1}-of-${k}`, held },
    )
    scored.push(...result.scored)
    takes.push(...result.takes)
  }
  const deaf = scoreReport(WORD_LABELS, scored.filter((s) => isKaggle(s.person)))
  const hobby = scoreReport(WORD_LABELS, scored.filter((s) => !isKaggle(s.person)))
  const deafTakes = scoreReport(WORD_LABELS, takes.filter((s) => isKaggle(s.person)))
  const report = scoreReport(WORD_LABELS, scored)
  console.log(formatReport(deaf, `held-out Deaf signers (Kaggle ISLR, ${kaggle.length} people, ${k} folds), each take as one window`))
  console.log(`\n${formatReport(deafTakes, 'held-out Deaf signers, each take captioned through the decoder windows')}`)
  console.log(`\n${formatReport(hobby, `held-out webcam signers (${webcam.length} people, ${k} folds), each take as one window`)}`)
  saveHeldOut(id, `${k} folds by person`, [
    { title: 'Held-out Deaf signers (Kaggle ISLR), each take as one window', report: deaf },
    { title: 'Held-out Deaf signers (Kaggle ISLR), each take captioned through the decoder windows', report: deafTakes },
    { title: 'Held-out webcam signers, each take as one window', report: hobby },
    { title: 'Everyone held out, each take as one window (confusion.png)', report },
  ])
}

/** heldout.json (all figures), heldout.md (the tables the model card points to) and confusion.png. */
function saveHeldOut(id: string, protocol: string, reports: { title: string; report: Report }[]) {
  const dir = modelDir(id)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'heldout.json'), JSON.stringify({ protocol, reports }, null, 1) + '\n')
  const md = [`# ${id}: held-out results`, '', `Written by \`npm run eval -- ${id === MODELS.letters.id ? 'letters' : 'words'}\` (${protocol}).`, '', ...reports.map((r) => reportMarkdown(r.report, r.title) + '\n')]
  writeFileSync(join(dir, 'heldout.md'), md.join('\n'))
  const all = reports[reports.length - 1]!.report
  writeConfusionPng(join(dir, 'confusion.png'), all.labels, all.confusion)
  log(`wrote models/${id}/heldout.json, heldout.md and confusion.png`)
}

async function lettersOnData(id: string, dir: string) {
  const samples: LetterSample[] = readLetterDir(dir)
  const m = await loadOnnxModel(id)
  const ev = letterEvalSet(samples)
  const pred = argmaxRows(await runOnnx(m, ev.x, ev.rows), m.manifest.labels.length)
  const report = scoreReport(m.manifest.labels, ev.y.map((truth, i) => ({ truth, predicted: pred[i]!, person: ev.persons[i]! })))
  console.log(formatReport(report, `${id} on ${dir}`))
  if (ev.skipped) console.log(`(${ev.skipped} samples skipped: degenerate hand or not a letter)`)
}

async function wordsOnData(id: string, data: string) {
  const m = await loadOnnxModel(id)
  if (statSync(data).isFile() && data.endsWith('.json')) {
    console.log(formatVerdict(await clipVerdict(onnxScorer(m), data)))
    return
  }
  const { sequences, notes } = await readSignDir(data)
  for (const n of notes) log(n)
  const usable: SignSequence[] = sequences
  const ev = wordEvalSet(usable)
  const pred = argmaxRows(await runOnnx(m, ev.x, ev.rows), m.manifest.labels.length)
  const report = scoreReport(m.manifest.labels, ev.y.map((truth, i) => ({ truth, predicted: pred[i]!, person: ev.persons[i]! })))
  console.log(formatReport(report, `${id} on ${data} (${sequences.length} sequences read, ${ev.rows} with a label this model knows or treats as no sign)`))
}

async function clips(id: string) {
  const m = await loadOnnxModel(id)
  for (const file of ensureClipLandmarks(log)) console.log(formatVerdict(await clipVerdict(onnxScorer(m), file)))
}

const tfjsScorer = (net: tfl.Sequential): WindowScorer => ({
  labels: WORD_LABELS,
  noSign: NO_SIGN,
  run: async (x, rows) => predict(net, x, rows, WORD_NET.inputShape),
})

const onnxScorer = (m: LoadedModel): WindowScorer => ({ labels: m.manifest.labels, noSign: m.manifest.noSign, run: (x, rows) => runOnnx(m, x, rows) })

async function latency(id: string, name: 'letters' | 'words') {
  const m = await loadOnnxModel(id)
  const size = m.manifest.inputShape.reduce((a, b) => a * b, 1)
  // A real input: the first fixture frame or take, through the shared features.
  const fx = (await import('../../shared/features/fixtures/mit-observations.json')).default
  const { letterFeatures } = await import('../../shared/features/letterFeatures')
  const { signWindowInput } = await import('../../shared/features/signFeatures')
  const input =
    name === 'letters'
      ? letterFeatures(fx.letters[0]!.observation.hands[0] as never, fx.letters[0]!.observation.aspect)!
      : signWindowInput(fx.signs[0]!.frames as never)
  if (input.length !== size) throw new Error(`input size ${input.length} ≠ ${size}`)
  const l = await measureLatency(m, input)
  console.log(`${id}: ${m.bytes} bytes; onnxruntime-web ${'wasm'} in Node, 1 thread, one input per run: median ${l.medianMs.toFixed(3)} ms, p95 ${l.p95Ms.toFixed(3)} ms`)
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})

