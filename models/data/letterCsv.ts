/**
 * @module Reads the three letter-landmark CSV layouts in ../shared/data/letters, told apart by their
 * header:
 * - boris-asl-alphabet: `label,frame_idx,x0,y0,z0,…` raw MediaPipe image fractions (one person);
 * - nejohnson2-asl-alphabet: `label,hand_label,x1,y1,z1,…` wrist-relative image fractions (one person);
 * - many-people: `person,label,dims,x0,y0[,z0],…`, 2-D rows are pixel offsets from the wrist divided
 *   by their largest magnitude (already square units), 3-D rows raw MediaPipe fractions of a webcam
 *   frame or of the 300×360 crop of the "SignLanguageDetectionUsingML" template (see SOURCES.tsv).
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { Point3 } from '../../shared/features/observation'
import type { LetterSample } from './types'

/**
 * cv2.VideoCapture's default 640×480 frame: what every raw webcam set here was captured at, as far
 * as their code shows (none changes the resolution). Training's anisotropic scaling covers the rest.
 */
export const WEBCAM_ASPECT = 640 / 480
/** The image-crop template crops frame[40:400, 0:300]: 300 wide, 360 tall. */
export const CROP_TEMPLATE_ASPECT = 300 / 360

export type LetterCsvLayout = 'boris' | 'nejohnson' | 'many-people'

export function detectLetterCsvLayout(header: string): LetterCsvLayout | null {
  if (header.startsWith('label,frame_idx,x0,y0,z0')) return 'boris'
  if (header.startsWith('label,hand_label,x1,y1,z1')) return 'nejohnson'
  if (header.startsWith('person,label,dims,x0,y0')) return 'many-people'
  return null
}

export type LetterCsvOptions = {
  /** The person for layouts that do not name one (boris, nejohnson). */
  person?: string
  source?: string
  /** Aspect of 3-D rows; default: the webcam's. */
  aspect?: number
}

export function readLetterCsv(path: string, opts: LetterCsvOptions = {}): LetterSample[] {
  const text = readFileSync(path, 'utf8')
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0)
  const header = lines[0] ?? ''
  const layout = detectLetterCsvLayout(header)
  if (!layout) throw new Error(`${path}: not a letter landmark CSV (header ${header.slice(0, 60)}…)`)
  const person = opts.person ?? basename(path, '.csv')
  const source = opts.source ?? layout
  const out: LetterSample[] = []
  for (let n = 1; n < lines.length; n++) {
    const cells = lines[n]!.split(',')
    const row = parseRow(layout, cells, opts.aspect ?? WEBCAM_ASPECT)
    if (!row) throw new Error(`${path}:${n + 1}: malformed row`)
    out.push({
      person: layout === 'many-people' ? cells[0]! : person,
      source,
      label: row.label,
      hand: { landmarks: row.points, handedness: 'Right', score: 1 },
      aspect: row.aspect,
    })
  }
  return out
}

function parseRow(layout: LetterCsvLayout, cells: string[], aspect3d: number) {
  const label = (layout === 'many-people' ? cells[1] : cells[0])?.toUpperCase()
  if (!label || !/^[A-Z]$/.test(label)) return null
  if (layout === 'many-people') {
    const dims = Number(cells[2])
    if (dims !== 2 && dims !== 3) return null
    const points = readPoints(cells, 3, dims)
    return points && { label, points, aspect: dims === 2 ? 1 : aspect3d }
  }
  const points = readPoints(cells, 2, 3)
  return points && { label, points, aspect: aspect3d }
}

function readPoints(cells: string[], from: number, dims: number): Point3[] | null {
  if (cells.length !== from + 21 * dims) return null
  const points: Point3[] = []
  for (let i = 0; i < 21; i++) {
    const x = Number(cells[from + dims * i])
    const y = Number(cells[from + dims * i + 1])
    const z = dims === 3 ? Number(cells[from + dims * i + 2]) : 0
    if (![x, y, z].every(Number.isFinite)) return null
    points.push({ x, y, z })
  }
  return points
}
