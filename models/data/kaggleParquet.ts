/**
 * @module Reads the Kaggle "Isolated Sign Language Recognition" format: `train.csv`
 * (path, participant_id, sequence_id, sign) and one parquet file per sequence with rows
 * (frame, row_id, type, landmark_index, x, y, z), 543 per frame (face 468, left_hand 21, pose 33,
 * right_hand 21), NaN or null where a part was not detected. Anyone holding the full 250-sign set
 * trains on it with the same command; sequences whose parquet file is absent are skipped and counted.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet'
import { KAGGLE_ASPECT, KAGGLE_FRAME_MS } from './sequenceNpz'
import { normaliseSignLabel, SEQUENCE_FRAME_STRIDE, type SignSequence } from './types'

export type KaggleIndexRow = { path: string; participantId: string; sequenceId: string; sign: string }

export function readKaggleIndex(dir: string): KaggleIndexRow[] {
  const lines = readFileSync(join(dir, 'train.csv'), 'utf8').split(/\r?\n/).filter(Boolean)
  const header = lines[0]!.split(',')
  const col = (name: string) => {
    const i = header.indexOf(name)
    if (i < 0) throw new Error(`${dir}/train.csv: no column ${name}`)
    return i
  }
  const [p, pid, sid, sign] = [col('path'), col('participant_id'), col('sequence_id'), col('sign')]
  return lines.slice(1).map((l) => {
    const c = l.split(',')
    return { path: c[p]!, participantId: c[pid]!, sequenceId: c[sid]!, sign: c[sign]! }
  })
}

export function isKaggleDir(dir: string): boolean {
  if (!existsSync(join(dir, 'train.csv'))) return false
  return readFileSync(join(dir, 'train.csv'), 'utf8').slice(0, 200).startsWith('path,participant_id,sequence_id,sign')
}

export type KaggleReadResult = { sequences: SignSequence[]; missing: number }

/** Reads every sequence of `train.csv` whose parquet file exists (optionally only some signs). */
export async function readKaggleDir(dir: string, opts: { signs?: Set<string> } = {}): Promise<KaggleReadResult> {
  const sequences: SignSequence[] = []
  let missing = 0
  for (const row of readKaggleIndex(dir)) {
    const label = normaliseSignLabel(row.sign)
    if (opts.signs && !opts.signs.has(label)) continue
    const file = join(dir, row.path)
    if (!existsSync(file)) {
      missing++
      continue
    }
    sequences.push({ ...(await readKaggleParquet(file)), person: `kaggle-islr/${row.participantId}`, label })
  }
  return { sequences, missing }
}

/** One sequence's hands from its parquet file (face and pose are not used by the features). */
export async function readKaggleParquet(file: string): Promise<SignSequence> {
  const rows = (await parquetReadObjects({
    file: await asyncBufferFromFile(file),
    columns: ['frame', 'type', 'landmark_index', 'x', 'y', 'z'],
  })) as { frame: number; type: string; landmark_index: number; x: number | null; y: number | null; z: number | null }[]
  const frameNumbers = [...new Set(rows.map((r) => r.frame))].sort((a, b) => a - b)
  const index = new Map(frameNumbers.map((f, i) => [f, i]))
  const hands = new Float32Array(frameNumbers.length * SEQUENCE_FRAME_STRIDE).fill(NaN)
  for (const r of rows) {
    const slot = r.type === 'right_hand' ? 0 : r.type === 'left_hand' ? 1 : -1
    if (slot < 0 || r.landmark_index < 0 || r.landmark_index > 20) continue
    const at = index.get(r.frame)! * SEQUENCE_FRAME_STRIDE + slot * 63 + r.landmark_index * 3
    hands[at] = r.x ?? NaN
    hands[at + 1] = r.y ?? NaN
    hands[at + 2] = r.z ?? NaN
  }
  // A hand counts only when all 21 points are there, as in the packed sets.
  for (let f = 0; f < frameNumbers.length; f++) {
    for (let slot = 0; slot < 2; slot++) {
      const at = f * SEQUENCE_FRAME_STRIDE + slot * 63
      let complete = true
      for (let i = 0; i < 63; i++) if (!Number.isFinite(hands[at + i]!)) complete = false
      if (!complete) hands.fill(NaN, at, at + 63)
    }
  }
  const t0 = frameNumbers[0] ?? 0
  return {
    person: 'unknown',
    source: 'kaggle-islr',
    label: '',
    timesMs: Float64Array.from(frameNumbers, (f) => (f - t0) * KAGGLE_FRAME_MS),
    hands,
    aspect: KAGGLE_ASPECT,
  }
}
