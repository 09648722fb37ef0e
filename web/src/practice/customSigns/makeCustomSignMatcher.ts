/**
 * @module Recognises the user's own signs in a live stream of frames: nearest neighbour by dynamic
 * time warping over the shared per-frame features (signSequence.ts), with each sign's own
 * rejection threshold (calibrate.ts). Not reactive and free of IndexedDB, so anything that sees
 * the recogniser's frames can run it: practice here, and sign captions in calls.
 *
 * Hooking it into a recogniser (e.g. captions in a call):
 *
 * @example
 * const templates = await loadCustomSignTemplates()          // customSignStore.ts
 * const matcher = makeCustomSignMatcher(templates)
 * makeRecognizer({ on: { result: (r) => {
 *   const m = matcher.push(r.observation)
 *   if (m) sendCaption(customSignCaption(m, idPrefix))      // a final CaptionEvent, kind 'word'
 * } } })
 *
 * Every ~100 ms it compares windows ending now, of about the length of each take (half to 1.25
 * times, so a faster or slower signing still fits), with every take of every sign. A sign whose
 * distance falls under its threshold is reported once the distance stops improving (the best
 * alignment, not the first good-enough one), and not again until that sign has left the window.
 */
import { CAPTION_VERSION, type CaptionEvent } from '../../../../shared/protocol/captions'
import type { FrameObservation } from '../../../../shared/features/observation'
import { signFrameFeatures, type TimedFrameFeatures } from '../../../../shared/features/signFeatures'
import { sequenceDistance, signSequence, type SignSequence } from './signSequence'

export type CustomSignTemplate = {
  id: string
  name: string
  takes: { sequence: SignSequence; durationMs: number }[]
  threshold: number
}

export type CustomSignMatch = {
  id: string
  name: string
  distance: number
  threshold: number
  /** 1 for a perfect match, 0.5 at the threshold. */
  confidence: number
  /** The matched window, in the frames' clock (ms). */
  tStart: number
  tEnd: number
}

/** The nearest sign at the last comparison, matched or not: what practice shows as "closest". */
export type Nearest = { id: string; name: string; distance: number; threshold: number }

export type CustomSignMatcher = {
  /** Feeds one frame; returns a sign when one has just been recognised. */
  push(frame: FrameObservation): CustomSignMatch | null
  nearest(): Nearest | null
  reset(): void
}

export const MATCHER_DEFAULTS = {
  /** How often windows are compared: signs last a second or more, so 10 times a second is plenty. */
  evalIntervalMs: 100,
  /** A match is reported once its distance has not improved for this long. */
  settleMs: 250,
  /** Window lengths tried, as multiples of each take's length. */
  windowScales: [0.5, 0.6, 0.75, 0.9, 1.05, 1.25],
  /** A window needs a hand in this share of its frames to be compared at all. */
  minHandShare: 0.6,
}
export type MatcherOptions = typeof MATCHER_DEFAULTS

type Candidate = CustomSignMatch & { bestAt: number }

export function makeCustomSignMatcher(templates: readonly CustomSignTemplate[], options: Partial<MatcherOptions> = {}): CustomSignMatcher {
  const o = { ...MATCHER_DEFAULTS, ...options }
  const longestMs = Math.max(0, ...templates.flatMap((s) => s.takes.map((t) => t.durationMs)))
  const keepMs = longestMs * Math.max(...o.windowScales) + 200
  let history: TimedFrameFeatures[] = []
  let lastEval = -Infinity
  let pending: Candidate | null = null
  let nearest: Nearest | null = null
  /** A sign just reported is held back until its window has passed and it has stopped matching. */
  const heldUntil = new Map<string, number>()

  function compare(t: number): { match: Candidate | null; nearest: Nearest | null } {
    let bestMatch: Candidate | null = null
    let bestNear: Nearest | null = null
    for (const sign of templates) {
      let best = Infinity
      let window: [number, number] = [t, t]
      for (const take of sign.takes) {
        for (const scale of o.windowScales) {
          const start = t - take.durationMs * scale
          if (start < history[0]!.t - 50) continue
          const frames = history.filter((h) => h.t >= start)
          const withHand = frames.filter((h) => h.features[0] === 1 || h.features[h.features.length / 2] === 1).length
          if (frames.length < 4 || withHand < o.minHandShare * frames.length) continue
          const d = sequenceDistance(take.sequence, signSequence(frames, start, t))
          if (d < best) {
            best = d
            window = [start, t]
          }
        }
      }
      if (!Number.isFinite(best)) continue
      if (!bestNear || best / sign.threshold < bestNear.distance / bestNear.threshold) bestNear = { id: sign.id, name: sign.name, distance: best, threshold: sign.threshold }
      const held = (heldUntil.get(sign.id) ?? -Infinity) > t
      if (best < sign.threshold) {
        // Still matching: keep holding it back until it stops.
        if (held) heldUntil.set(sign.id, Math.max(heldUntil.get(sign.id)!, t + o.evalIntervalMs))
        else if (!bestMatch || best / sign.threshold < bestMatch.distance / bestMatch.threshold) {
          bestMatch = { id: sign.id, name: sign.name, distance: best, threshold: sign.threshold, confidence: confidence(best, sign.threshold), tStart: window[0], tEnd: window[1], bestAt: t }
        }
      }
    }
    return { match: bestMatch, nearest: bestNear }
  }

  function report(c: Candidate, t: number): CustomSignMatch {
    pending = null
    const shortest = Math.min(...templates.find((s) => s.id === c.id)!.takes.map((k) => k.durationMs))
    heldUntil.set(c.id, Math.max(t, c.tEnd + 0.5 * shortest))
    const { bestAt: _bestAt, ...match } = c
    return match
  }

  return {
    nearest: () => nearest,
    reset() {
      history = []
      pending = null
      nearest = null
      lastEval = -Infinity
      heldUntil.clear()
    },
    push(frame) {
      if (templates.length === 0) return null
      const t = frame.t
      history.push({ t, features: signFrameFeatures(frame) })
      while (history.length > 0 && history[0]!.t < t - keepMs) history.shift()
      if (t - lastEval < o.evalIntervalMs) return null
      lastEval = t
      const r = compare(t)
      nearest = r.nearest
      const c = r.match
      if (!c) return pending ? report(pending, t) : null
      if (pending && pending.id !== c.id && c.distance / c.threshold >= pending.distance / pending.threshold) {
        return t - pending.bestAt >= o.settleMs ? report(pending, t) : null
      }
      if (!pending || pending.id !== c.id || c.distance < pending.distance) pending = c
      return t - pending.bestAt >= o.settleMs ? report(pending, t) : null
    },
  }
}

export const confidence = (distance: number, threshold: number) => Math.min(1, Math.max(0, 1 - distance / (2 * threshold)))

/**
 * A recognised custom sign as a final caption event, the form captions in calls travel in.
 * `timeOriginMs` maps the frames' clock to epoch ms (performance.timeOrigin for camera frames).
 */
export function customSignCaption(m: CustomSignMatch, id: string, timeOriginMs = performance.timeOrigin): CaptionEvent {
  return { v: CAPTION_VERSION, id, text: m.name, kind: 'word', confidence: m.confidence, tStart: timeOriginMs + m.tStart, tEnd: timeOriginMs + m.tEnd, final: true }
}
