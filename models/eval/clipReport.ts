/**
 * @module What the word model says over a real clip: the landmarks of every video frame (from
 * `tools/landmarks.ts`, the app's own landmarker) scored the way the recogniser scores them: windows
 * of SIGN_WINDOW_MS ending at each frame, resampled by `signWindowInput`. Prints the leading label
 * over time and the signs that would be committed by a rule like the decoder's (a sign leading with
 * p ≥ 0.8 over evaluations spanning ≥ 130 ms; web/src/recognition/wordDecoder.ts is the real one).
 */
import { readFileSync } from 'node:fs'
import type { FrameObservation } from '../../shared/features/observation'
import { SIGN_WINDOW_INPUT_SIZE, SIGN_WINDOW_MS, signWindowInput } from '../../shared/features/signFeatures'
import { runOnnx, type LoadedModel } from './onnxModel'

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

export async function clipVerdict(m: LoadedModel, file: string): Promise<ClipVerdict> {
  const frames = readVideoLandmarks(file)
  const labels = m.manifest.labels
  const noSign = m.manifest.noSign
  const evals: { t: number; label: string; p: number }[] = []
  const best = new Map<string, number>()
  for (const f of frames) {
    const windows = SIGN_WINDOW_MS.filter((w) => f.t - frames[0]!.t >= MIN_COVER * w)
    if (windows.length === 0) continue
    const x = new Float32Array(windows.length * SIGN_WINDOW_INPUT_SIZE)
    windows.forEach((w, i) => x.set(signWindowInput(frames.filter((g) => g.t >= f.t - w && g.t <= f.t), { startMs: f.t - w, endMs: f.t }), i * SIGN_WINDOW_INPUT_SIZE))
    const probs = await runOnnx(m, x, windows.length)
    let lead = { label: noSign ?? '', p: 0 }
    windows.forEach((_, i) => {
      labels.forEach((label, c) => {
        const p = probs[i * labels.length + c]!
        best.set(label, Math.max(best.get(label) ?? 0, p))
        if (label !== noSign && p > lead.p) lead = { label, p }
      })
    })
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
