/**
 * @module Letter samples from photos: the JSON that `tools/landmarks.ts` writes after running the
 * browser's hand landmarker over a folder of images, `{ items: [{ path, label, observation }] }`.
 * The letter is the item's label (its folder name, `A/A1008.jpg`); labels that are not a single
 * letter (del, nothing, space) and images where no hand was found are skipped.
 */
import { readFileSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import type { FrameObservation } from '../../shared/features/observation'
import type { LetterSample } from './types'

type LandmarkRecord = { path: string; label: string; frame: FrameObservation }

/** Every photo where the landmarker found a hand, as a letter sample of the group `person`. */
export function readPhotoLandmarks(jsonPath: string, person = 'grassknoted-photos'): LetterSample[] {
  const out: LetterSample[] = []
  for (const r of landmarkRecords(jsonPath)) {
    const label = r.label.toUpperCase()
    if (!/^[A-Z]$/.test(label)) continue
    const hand = [...r.frame.hands].sort((a, b) => b.score - a.score)[0]
    if (!hand) continue
    out.push({ person, source: 'photos', label, hand, aspect: r.frame.aspect })
  }
  return out
}

export function isLandmarkJson(path: string): boolean {
  try {
    return landmarkRecords(path).length > 0
  } catch {
    return false
  }
}

/** The `items` of a landmarks JSON (or a bare array of such records); the label defaults to the folder name. */
export function landmarkRecords(jsonPath: string): LandmarkRecord[] {
  const raw: unknown = JSON.parse(readFileSync(jsonPath, 'utf8'))
  const list = Array.isArray(raw) ? raw : pick(raw, 'items')
  if (!Array.isArray(list)) throw new Error(`${jsonPath}: expected { items: [{ path, label, observation }] }`)
  return list.map((r, i) => {
    const path = pick(r, 'path')
    const frame = pick(r, 'observation')
    if (typeof path !== 'string' || !isFrame(frame)) throw new Error(`${jsonPath}: item ${i} is not { path, label, observation }`)
    const label = pick(r, 'label')
    return { path, label: typeof label === 'string' ? label : basename(dirname(path)), frame }
  })
}

const pick = (o: unknown, key: string): unknown =>
  typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[key] : undefined

function isFrame(f: unknown): f is FrameObservation {
  return typeof pick(f, 'aspect') === 'number' && Array.isArray(pick(f, 'hands'))
}
