/**
 * @module The letter corpus: every letter landmark set in ../shared/data (boris, nejohnson2, the
 * eighteen many-people files, and the photos once run through the hand landmarker), or any one
 * directory in those formats for `npm run eval -- letters --data DIR`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { CROP_TEMPLATE_ASPECT, detectLetterCsvLayout, readLetterCsv, WEBCAM_ASPECT } from './letterCsv'
import { isLandmarkJson, readPhotoLandmarks } from './photoLandmarks'
import { sharedDataPath } from './dataRoot'
import type { LetterSample } from './types'

/** The whole letter corpus from ../shared/data; photos are added when their landmarks are cached. */
export function loadLetterCorpus(opts: { photoLandmarks?: string } = {}): LetterSample[] {
  const samples = [
    ...readLetterCsv(sharedDataPath('letters/boris-asl-alphabet/landmarks.csv'), {
      person: 'github.com/borisgraudt/asl-ai',
      source: 'boris-asl-alphabet',
    }),
    ...readLetterCsv(sharedDataPath('letters/nejohnson2-asl-alphabet/landmarks.csv'), {
      person: 'github.com/nejohnson2/real-time-asl-translator',
      source: 'nejohnson2-asl-alphabet',
    }),
    ...readManyPeople(sharedDataPath('letters/many-people')),
  ]
  if (opts.photoLandmarks && existsSync(opts.photoLandmarks)) samples.push(...readPhotoLandmarks(opts.photoLandmarks))
  return samples
}

/** Every per-person CSV in a many-people folder, each with the aspect its SOURCES.tsv line implies. */
export function readManyPeople(dir: string): LetterSample[] {
  const aspects = cropTemplateFiles(join(dir, 'SOURCES.tsv'))
  return readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .flatMap((f) =>
      readLetterCsv(join(dir, f), {
        source: 'many-people',
        aspect: aspects.has(f) ? CROP_TEMPLATE_ASPECT : WEBCAM_ASPECT,
      }),
    )
}

/** Files whose landmarks are fractions of the image-crop template's 300×360 crop, per SOURCES.tsv notes. */
export function cropTemplateFiles(sourcesTsv: string): Set<string> {
  const files = new Set<string>()
  if (!existsSync(sourcesTsv)) return files
  for (const line of readFileSync(sourcesTsv, 'utf8').split(/\r?\n/).slice(1)) {
    const notes = line.split('\t')[7] ?? ''
    const file = /file=letters\/([^ |"]+\.csv)/.exec(notes)?.[1]
    if (file && /image-crop template|300x360/.test(notes)) files.add(file)
  }
  return files
}

/** Any directory (searched recursively) of letter CSVs and/or landmark JSON files. */
export function readLetterDir(dir: string): LetterSample[] {
  const out: LetterSample[] = []
  for (const path of walk(dir)) {
    if (path.endsWith('.csv')) {
      const header = readFileSync(path, 'utf8').slice(0, 200)
      if (!detectLetterCsvLayout(header)) continue
      const person = basename(path) === 'landmarks.csv' ? basename(join(path, '..')) : basename(path, '.csv')
      out.push(...readLetterCsv(path, { person }))
    } else if (path.endsWith('.json') && isLandmarkJson(path)) {
      out.push(...readPhotoLandmarks(path))
    }
  }
  if (out.length === 0) throw new Error(`${dir}: no letter landmark files (CSV or landmark JSON) found`)
  return out
}

export function* walk(dir: string, depth = 0): Generator<string> {
  if (depth > 6) return
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* walk(path, depth + 1)
    else yield path
  }
}
