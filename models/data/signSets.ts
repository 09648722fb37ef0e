/**
 * @module The sign-sequence corpus: the webcam sets, samyabose and the Kaggle ISLR subset from
 * ../shared/data, or any directory in those formats (Kaggle `train.csv` + parquet, or .npz archives)
 * for `npm run eval -- words --data DIR`.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { sharedDataPath } from './dataRoot'
import { isKaggleDir, readKaggleDir } from './kaggleParquet'
import { walk } from './letterSets'
import { readSequenceNpz } from './sequenceNpz'
import type { SignSequence } from './types'

export function loadSignCorpus(): SignSequence[] {
  const dir = (rel: string) => sharedDataPath(`sequences/${rel}`)
  const npzIn = (rel: string) =>
    readdirSync(dir(rel))
      .filter((f) => f.endsWith('.npz'))
      .sort()
      .flatMap((f) => readSequenceNpz(join(dir(rel), f), { source: rel }))
  return [
    ...npzIn('webcam-4-people'),
    ...npzIn('webcam-many-people'),
    ...readSequenceNpz(join(dir('samyabose-45-classes'), 'sequences.npz')),
    ...readSequenceNpz(join(dir('kaggle-islr-hello-thankyou'), 'hands_pose.npz')),
  ]
}

export type SignDirResult = { sequences: SignSequence[]; notes: string[] }

/**
 * Any directory of sign sequences: the Kaggle format when it has a `train.csv` (its parquet files
 * are read; a `hands_pose.npz` beside them is then ignored, being the same data), otherwise every
 * sequence archive (.npz) under it.
 */
export async function readSignDir(dir: string, opts: { signs?: Set<string> } = {}): Promise<SignDirResult> {
  if (!existsSync(dir)) throw new Error(`${dir} does not exist`)
  if (isKaggleDir(dir)) {
    const { sequences, missing } = await readKaggleDir(dir, opts)
    const notes = missing ? [`${missing} sequences in train.csv have no parquet file here`] : []
    if (sequences.length > 0) return { sequences, notes }
    if (existsSync(join(dir, 'hands_pose.npz'))) {
      const packed = readSequenceNpz(join(dir, 'hands_pose.npz')).filter((s) => !opts.signs || opts.signs.has(s.label))
      return { sequences: packed, notes: [...notes, 'read hands_pose.npz (the packed form of the same data)'] }
    }
    return { sequences, notes }
  }
  const sequences: SignSequence[] = []
  for (const path of walk(dir)) {
    if (!path.endsWith('.npz')) continue
    sequences.push(...readSequenceNpz(path).filter((s) => !opts.signs || opts.signs.has(s.label)))
  }
  if (sequences.length === 0) throw new Error(`${dir}: no Kaggle train.csv and no sequence .npz archives found`)
  return { sequences, notes: [] }
}
