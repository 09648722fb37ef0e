/**
 * @module Held-out evaluation by person: train a fold model without some people, score it on them,
 * repeat until everyone has been held out once. Each fold's scores are cached under
 * models/.cache/<id>/folds/ keyed by the recipe, so a long leave-one-person-out run can be done in
 * parts and assembled; a changed recipe, feature version or data set invalidates the cache.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type * as tfl from '@tensorflow/tfjs-layers'
import { REPO_ROOT } from '../data/dataRoot'
import { predict } from '../train/net'
import { argmaxRows, type Scored } from './metrics'

export type Fold = { name: string; held: Set<string> }
export type EvalSet = { x: Float32Array; y: number[]; persons: string[]; rows: number }

export type FoldRunner = {
  id: string
  /** Anything that changes the outcome: recipe constants, feature version, data counts. */
  recipeKey: string
  inputShape: number[]
  classes: number
  train: (held: Set<string>) => Promise<tfl.Sequential>
  evalSet: (held: Set<string>) => EvalSet
  /** A second reading of the held-out people, e.g. takes captioned through the decoder's windows. */
  evalTakes?: (net: tfl.Sequential, held: Set<string>) => Promise<Scored[]>
  log?: (line: string) => void
}

export type FoldResult = { scored: Scored[]; takes: Scored[] }

export const foldCacheDir = (id: string) => join(REPO_ROOT, 'models', '.cache', id, 'folds')

export async function runFold(r: FoldRunner, fold: Fold): Promise<FoldResult> {
  const key = createHash('sha256').update(`${r.recipeKey}\n${[...fold.held].sort().join('\n')}`).digest('hex').slice(0, 16)
  const dir = foldCacheDir(r.id)
  const file = join(dir, `${fold.name.replace(/[^A-Za-z0-9._-]+/g, '_')}.json`)
  if (existsSync(file)) {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as { key: string } & FoldResult
    if (cached.key === key) {
      r.log?.(`fold ${fold.name}: cached`)
      return { scored: cached.scored, takes: cached.takes ?? [] }
    }
  }
  const t0 = performance.now()
  const net = await r.train(fold.held)
  const ev = r.evalSet(fold.held)
  const pred = argmaxRows(predict(net, ev.x, ev.rows, r.inputShape), r.classes)
  const scored = ev.y.map((truth, i) => ({ truth, predicted: pred[i]!, person: ev.persons[i]! }))
  const takes = r.evalTakes ? await r.evalTakes(net, fold.held) : []
  net.dispose()
  mkdirSync(dir, { recursive: true })
  writeFileSync(file, JSON.stringify({ key, fold: fold.name, seconds: (performance.now() - t0) / 1000, scored, takes }))
  const right = scored.filter((s) => s.truth === s.predicted).length
  r.log?.(`fold ${fold.name}: ${((100 * right) / Math.max(scored.length, 1)).toFixed(1)}% of ${scored.length} (${((performance.now() - t0) / 1000).toFixed(0)} s)`)
  return { scored, takes }
}
