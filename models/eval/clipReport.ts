/**
 * @module What the word model says over a real clip: the landmarks of every video frame (from
 * `tools/landmarks.ts`, the app's own landmarker) scored the way the recogniser scores them: windows
 * of SIGN_WINDOW_MS ending at each frame, resampled by `signWindowInput`. Prints the leading label
 * over time and the signs that would be committed by a rule like the decoder's (a sign leading with
 * p ≥ 0.8 over evaluations spanning ≥ 130 ms; web/src/recognition/wordDecoder.ts is the real one).
 */
import { readFileSync } from 'node:fs'
import { sequenceFrames, type SignSequence } from '../data/types'
import { wordClass } from '../recipes/words'
import type { Scored } from './metrics'
import type { FrameObservation } from '../../shared/features/observation'
import { SIGN_WINDOW_INPUT_SIZE, SIGN_WINDOW_MS, signFrameFeatures, signWindowFromFeatures } from '../../shared/features/signFeatures'

/** Anything that scores windows: the committed ONNX model, or a fold's TF.js network. */
export type WindowScorer = { labels: string[]; noSign?: string; run: (x: Float32Array, rows: number) => Promise<Float32Array> }

/** The recogniser scores a window once the frames cover most of it. */
const MIN_COVER = 0.6
const COMMIT_P = 0.8
const COMMIT_HOLD_MS = 130

export type ClipVerdict = { file: string; frames: number; handFrames: number; committed: { label: string; p: number; tMs: number }[]; timeline: string[]; best: Map<string, number> }

export function readVideoLandmarks(path: string): FrameObservation[] {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { frames?: FrameObservation[] }
  if (!Array.isArray(raw.frames)) throw new Error(`${path}: not a video landmarks file from tools/landmarks.ts ({ frames: [...] })`)
  return raw.frames
}

export const clipVerdict = (m: WindowScorer, file: string) => framesVerdict(m, readVideoLandmarks(file), file)

export async function framesVerdict(m: WindowScorer, frames: FrameObservation[], file = ''): Promise<ClipVerdict> {
  const { labels, noSign } = m
  const evals: { t: number; label: string; p: number }[] = []
  const best = new Map<string, number>()
  const scored = frames.map((f) => ({ f, windows: SIGN_WINDOW_MS.filter((w) => f.t - frames[0]!.t >= MIN_COVER * w) })).filter((e) => e.windows.length > 0)
  const rows = scored.reduce((n, e) => n + e.windows.length, 0)
  const x = new Float32Array(rows * SIGN_WINDOW_INPUT_SIZE)
  // Per-frame features once, as the recogniser caches them; each window is a slice of them.
  const cached = frames.map((f) => ({ t: f.t, features: signFrameFeatures(f) }))
  let r = 0
  scored.forEach(({ f, windows }) => {
    const endAt = frames.indexOf(f) + 1
    for (const w of windows) {
      let from = endAt - 1
      while (from > 0 && cached[from - 1]!.t >= f.t - w) from--
      x.set(signWindowFromFeatures(cached.slice(from, endAt), { startMs: f.t - w, endMs: f.t }), r * SIGN_WINDOW_INPUT_SIZE)
      r++
    }
  })
  const probs = rows ? await m.run(x, rows) : new Float32Array()
  r = 0
  for (const { f, windows } of scored) {
    let lead = { label: noSign ?? '', p: 0 }
    for (let i = 0; i < windows.length; i++, r++) {
      labels.forEach((label, c) => {
        const p = probs[r * labels.length + c]!
        best.set(label, Math.max(best.get(label) ?? 0, p))
        if (label !== noSign && p > lead.p) lead = { label, p }
      })
    }
    evals.push({ t: f.t, ...lead })
  }
  const committed: ClipVerdict['committed'] = []
  let since: { label: string; t: number } | null = null
  for (const e of evals) {
    if (e.p < COMMIT_P) {
      since = null
      continue
    }
    if (!since || since.label !== e.label) since = { label: e.label, t: e.t }
    const last = committed[committed.length - 1]
    if (e.t - since.t >= COMMIT_HOLD_MS && !(last?.label === e.label && e.t - last.tMs < 2 * Math.max(...SIGN_WINDOW_MS))) {
      committed.push({ label: e.label, p: e.p, tMs: e.t })
    }
  }
  return {
    file,
    frames: frames.length,
    handFrames: frames.filter((f) => f.hands.length > 0).length,
    committed,
    timeline: evals.map((e) => `${(e.t / 1000).toFixed(2)}s ${e.p >= 0.5 ? e.label : '·'} ${e.p.toFixed(2)}`),
    best,
  }
}

export function formatVerdict(v: ClipVerdict): string {
  const best = [...v.best].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([l, p]) => `${l} ${p.toFixed(2)}`).join(', ')
  const said = v.committed.length ? v.committed.map((c) => `${c.label} (p ${c.p.toFixed(2)} at ${(c.tMs / 1000).toFixed(2)} s)`).join(', ') : 'nothing'
  return `${v.file}\n  ${v.frames} frames, a hand in ${v.handFrames}\n  says: ${said}\n  highest p per label: ${best}`
}

/**
 * A recorded take as the app would caption it: embedded in a second of empty frames either side
 * (no hands before or after; the conservative guess for a cut-out take) and read with the decoder's
 * windows. The take's caption is the one sign committed, "no sign" when none is, and wrong when two
 * different signs are.
 */
export async function takeCaption(m: WindowScorer, take: FrameObservation[], truth: string): Promise<string> {
  const step = take.length > 1 ? (take[take.length - 1]!.t - take[0]!.t) / (take.length - 1) : 33
  const pad = Math.ceil(1000 / step)
  const t0 = take[0]?.t ?? 0
  const aspect = take[0]?.aspect ?? 1
  const frames: FrameObservation[] = [
    ...Array.from({ length: pad }, (_, i) => ({ t: t0 - (pad - i) * step, hands: [], aspect })),
    ...take,
    ...Array.from({ length: pad }, (_, i) => ({ t: (take[take.length - 1]?.t ?? t0) + (i + 1) * step, hands: [], aspect })),
  ]
  const said = [...new Set((await framesVerdict(m, frames)).committed.map((c) => c.label))]
  if (said.length === 0) return m.noSign ?? ''
  if (said.length === 1) return said[0]!
  return said.find((l) => l !== truth)!
}

/** Every take the model knows how to score (see `wordClass`), captioned by `takeCaption`. */
export async function wordTakeCaptions(m: WindowScorer, takes: SignSequence[]): Promise<Scored[]> {
  const out: Scored[] = []
  for (const s of takes) {
    const truth = wordClass(s.label)
    if (truth === 'unused') continue
    const said = await takeCaption(m, sequenceFrames(s), m.labels[truth]!)
    out.push({ truth, predicted: m.labels.indexOf(said), person: s.person })
  }
  return out
}
