/**
 * @module One take of a custom sign from the live frames: it starts when a hand comes into view and
 * ends when the hands go down (or at a time limit), so the take is the sign and not the wait
 * before it. If a hand is already up when recording starts, the signer is asked to lower it first,
 * so no take begins halfway through a sign. Pure; fed one frame at a time.
 */
import type { FrameObservation } from '../../../../shared/features/observation'

export type TakePhase =
  /** A hand is in view: lower it so the take can start with the sign. */
  | 'lower-hands'
  /** Ready: the take starts when a hand comes up. */
  | 'waiting'
  | 'recording'
  | 'done'

export const TAKE_DEFAULTS = {
  /** Hands out of view this long before a take may start. */
  clearMs: 250,
  /** Hands out of view this long ends the take (the landmarker misses a frame now and then). */
  endGapMs: 350,
  /** A take never runs longer: a sign is one to three seconds. */
  maxMs: 4_000,
  /** A hand seen for less than this is a flicker, not a sign: wait for the next. */
  minMs: 300,
}
export type TakeOptions = typeof TAKE_DEFAULTS

export type TakeRecorder = {
  push(frame: FrameObservation): TakePhase
  phase(): TakePhase
  /** The finished take, from the first to the last frame with a hand; null until done. */
  take(): FrameObservation[] | null
}

export function makeTakeRecorder(options: Partial<TakeOptions> = {}): TakeRecorder {
  const o = { ...TAKE_DEFAULTS, ...options }
  let phase: TakePhase | null = null
  let clearSince: number | null = null
  let frames: FrameObservation[] = []
  let lastHandT = 0
  let result: FrameObservation[] | null = null

  const finish = () => {
    const lastHand = frames.findLastIndex((f) => f.hands.length > 0)
    const kept = frames.slice(0, lastHand + 1)
    if (kept.length === 0 || kept[kept.length - 1]!.t - kept[0]!.t < o.minMs) {
      frames = []
      return (phase = 'waiting')
    }
    result = kept
    return (phase = 'done')
  }

  return {
    phase: () => phase ?? 'waiting',
    take: () => result,
    push(f) {
      const hand = f.hands.length > 0
      phase ??= hand ? 'lower-hands' : 'waiting'
      switch (phase) {
        case 'lower-hands':
          if (hand) clearSince = null
          else if ((clearSince ??= f.t) !== null && f.t - clearSince >= o.clearMs) phase = 'waiting'
          return phase
        case 'waiting':
          if (!hand) return phase
          frames = [f]
          lastHandT = f.t
          return (phase = 'recording')
        case 'recording':
          if (f.t - frames[0]!.t > o.maxMs) return finish()
          frames.push(f)
          if (hand) lastHandT = f.t
          return f.t - lastHandT >= o.endGapMs ? finish() : phase
        case 'done':
          return phase
      }
    },
  }
}
