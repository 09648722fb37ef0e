/**
 * @module `npm run train -- <letters|words>`: trains the model on every person in the data with a
 * fixed seed and writes models/<id>/model.onnx and manifest.json. Held-out figures come from
 * `npm run eval -- <model>`, which trains fold models without the people it scores.
 */
import { parseArgs } from 'node:util'
import { loadLetterCorpus } from '../data/letterSets'
import { ensurePhotoLandmarks } from '../data/photoCache'
import { loadSignCorpus } from '../data/signSets'
import { writeModel } from '../export/writeModel'
import { LETTER_NET, LETTER_TRAINING, trainLetters } from '../recipes/letters'
import { MODELS, modelName } from '../recipes/models'
import { trainWords, WORD_NET, WORD_TRAINING } from '../recipes/words'
import { useTrainingBackend } from './backend'

async function main() {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { epochs: { type: 'string' } } })
  const name = modelName(positionals[0])
  const backend = await useTrainingBackend()
  const t0 = performance.now()
  const log = (l: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${l}`)
  const letters = loadLetterCorpus({ photoLandmarks: ensurePhotoLandmarks(log) })
  log(`TF.js ${backend} backend; ${letters.length} letter samples from ${new Set(letters.map((s) => s.person)).size} people`)

  if (name === 'letters') {
    const t = { ...LETTER_TRAINING, ...(values.epochs ? { epochs: Number(values.epochs) } : {}) }
    const net = await trainLetters(letters, t, log)
    const m = writeModel(net, LETTER_NET, MODELS.letters)
    log(`wrote models/${m.id}/model.onnx (${m.files[0]!.bytes} bytes) and manifest.json`)
  } else {
    const sequences = loadSignCorpus()
    log(`${sequences.length} sign sequences from ${new Set(sequences.map((s) => s.person)).size} people`)
    const t = { ...WORD_TRAINING, ...(values.epochs ? { epochs: Number(values.epochs) } : {}) }
    const net = await trainWords(sequences, letters, t, log)
    const m = writeModel(net, WORD_NET, MODELS.words)
    log(`wrote models/${m.id}/model.onnx (${m.files[0]!.bytes} bytes) and manifest.json`)
  }
  log('done')
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
