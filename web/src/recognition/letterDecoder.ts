/**
 * @module Fingerspelling: per-frame letter scores → letters → fingerspelled words. Pure; the worker
 * feeds it one frame at a time.
 *
 * - A letter is committed when it wins the vote of the recent still frames (frames where the hand
 *   moves fast are transitions and do not vote) by a clear share, with enough confidence, for a
 *   minimum time. It can be committed again (a double letter, the LL of HELLO) only after it was
 *   released: its share fell well below the commit share, or the hand made the small slide or
 *   bounce that ASL uses to double a letter.
 * - J and Z move; they are read from the fingertip trail (`motionLetters.ts`) while the handshape
 *   they start from (I; D or 1) is what the letter model sees.
 * - A word ends when the hand leaves the view or the signer pauses; its caption is then final.
 */
import { detectJ, detectZ, J_HANDSHAPES, MOTION_WINDOW_MS, Z_HANDSHAPES, type Point, type TrailSample } from './motionLetters'

export type TopLabel = { label: string; p: number }

/** Where the hand is, in image heights (x scaled by the aspect ratio), and its palm size. */
export type HandMotion = { wrist: Point; indexTip: Point; pinkyTip: Point; palm: number }

export type LetterFrame = {
  t: number
  /** The hand the letter model looked at, or null when no hand is seen. */
  hand: HandMotion | null
  /** The letter model's scores for that hand, best first (a few are enough). */
  letters: TopLabel[]
}

export type LetterCaption = { kind: 'letter'; text: string; confidence: number; tStart: number; tEnd: number; final: boolean; word: number }

export const LETTER_DEFAULTS = {
  /** Frames voting on the current letter: those of the last `voteWindowMs`. */
  voteWindowMs: 320,
  /** A frame votes only when its best letter scores at least this. */
  minFrameP: 0.4,
  /** Share of the window's frames the letter needs to be committed… */
  commitShare: 0.6,
  /** …and the share below which it counts as released (hysteresis). */
  releaseShare: 0.3,
  /** Mean score of the winning letter over its votes. */
  commitMeanP: 0.55,
  /** The letter must lead for this long… */
  minHoldMs: 120,
  /**
   * …and the same letter again (a double letter) this long: right after a jump (a cut, or a bounce
   * between two slow frames) the landmarker can still report the old handshape for a frame or two.
   */
  doubleHoldMs: 200,
  /** Faster than this (palm sizes per second) the hand is moving between letters. */
  movingPalmsPerS: 2.5,
  /** Wrist travel while moving that doubles a held letter (palm sizes). */
  bouncePalms: 0.3,
  /** No hand for this long ends the word. */
  handGoneMs: 400,
  /** No new letter for this long ends the word. */
  pauseMs: 1_500,
  /** The label that means "no letter" (e.g. `nothing`), if the model has one. */
  noSign: undefined as string | undefined,
}
export type LetterDecoderOptions = typeof LETTER_DEFAULTS

/** `seen`: the frame found a hand (a frame without one casts an empty vote). */
type Vote = { t: number; label: string | null; p: number; seen: boolean }
type Letter = { label: string; p: number; tStart: number; tEnd: number }
type TrailPoint = { t: number; index: Point; pinky: Point; palm: number; label: string | null }
/**
 * The letter last committed; it cannot be committed again until released. A drawn letter (J, Z)
 * holds its whole handshape set, so the I a J ends in is not spelled after it.
 */
type Held = { labels: ReadonlySet<string>; released: boolean; travelPalms: number; drawn: boolean }

export type LetterDecoder = {
  push(frame: LetterFrame): LetterCaption[]
  /** Ends the word in progress (the hand left, the stream stopped). */
  flush(): LetterCaption[]
}

export function makeLetterDecoder(options: Partial<LetterDecoderOptions> = {}): LetterDecoder {
  const o = { ...LETTER_DEFAULTS, ...options }
  let votes: Vote[] = []
  let trail: TrailPoint[] = []
  let leader: { label: string; since: number } | null = null
  let held: Held | null = null
  let word: Letter[] = []
  let wordNo = 0
  let lastHandT = -Infinity
  let lastCommitT = -Infinity
  let prevHand: { t: number; wrist: Point } | null = null
  /** Where the hand was last seen before a dropout: detection fails most in the blur of a quick move. */
  let lostHand: { t: number; wrist: Point } | null = null
  let speeds: number[] = []

  const caption = (final: boolean): LetterCaption => ({
    kind: 'letter',
    text: word.map((l) => l.label).join(''),
    confidence: word.reduce((s, l) => s + l.p, 0) / word.length,
    tStart: (word[0] as Letter).tStart,
    tEnd: (word[word.length - 1] as Letter).tEnd,
    final,
    word: wordNo,
  })

  /** Ends the word; after a pause the letter still held stays held, so it is not spelled again. */
  function endWord(keepHeld = false): LetterCaption[] {
    if (!keepHeld) held = null
    leader = null
    trail = []
    if (word.length === 0) return []
    const out = [caption(true)]
    word = []
    wordNo++
    return out
  }

  function commit(label: string, p: number, tStart: number, t: number, holds: ReadonlySet<string> = new Set([label])): LetterCaption[] {
    word.push({ label, p, tStart, tEnd: t })
    held = { labels: holds, released: false, travelPalms: 0, drawn: holds.size > 1 }
    lastCommitT = t
    return [caption(false)]
  }

  /** Turns a just-committed I into J (D into Z) when the hand then draws it; otherwise adds the letter. */
  function commitMotion(m: MotionLetter, t: number): LetterCaption[] {
    trail = []
    const last = word[word.length - 1]
    if (last && m.base.has(last.label) && last.tEnd >= m.tStart - MOTION_WINDOW_MS) word.pop()
    return commit(m.label, m.p, last && m.base.has(last.label) ? last.tStart : m.tStart, t, m.base)
  }

  return {
    push(frame) {
      const { t, hand } = frame
      votes = votes.filter((v) => v.t > t - o.voteWindowMs)
      trail = trail.filter((s) => s.t > t - MOTION_WINDOW_MS)

      if (!hand) {
        votes.push({ t, label: null, p: 0, seen: false })
        lostHand = prevHand ?? lostHand
        prevHand = null
        speeds = []
        return t - lastHandT >= o.handGoneMs ? endWord() : []
      }
      lastHandT = t

      // Wrist speed in palm sizes per second; the median of the last three steps rides out jitter.
      let stepPalms = 0
      if (prevHand && t > prevHand.t) {
        stepPalms = Math.hypot(hand.wrist.x - prevHand.wrist.x, hand.wrist.y - prevHand.wrist.y) / hand.palm
        speeds = [...speeds.slice(-2), (stepPalms * 1000) / (t - prevHand.t)]
      }
      // Lost for a moment and found elsewhere: it moved meanwhile (the slide that doubles a letter is
      // the very moment a quick hand blurs out of detection).
      if (!prevHand && lostHand && held && t - lostHand.t < o.handGoneMs) {
        const jumpPalms = Math.hypot(hand.wrist.x - lostHand.wrist.x, hand.wrist.y - lostHand.wrist.y) / hand.palm
        if (jumpPalms >= o.bouncePalms) held.travelPalms += jumpPalms
      }
      lostHand = null
      prevHand = { t, wrist: hand.wrist }
      const moving = speeds.length > 0 && median(speeds) > o.movingPalmsPerS
      // Travel counts every fast step, even a single one: at a low frame rate (or between two photos)
      // the slide that doubles a letter can fall between two frames.
      if (held && (speeds[speeds.length - 1] ?? 0) > o.movingPalmsPerS) held.travelPalms += stepPalms

      const top = frame.letters[0]
      const label = top && top.p >= o.minFrameP && top.label !== o.noSign && !moving ? top.label : null
      votes.push({ t, label, p: top?.p ?? 0, seen: true })
      trail.push({ t, index: hand.indexTip, pinky: hand.pinkyTip, palm: hand.palm, label: top?.label ?? null })

      const out: LetterCaption[] = []
      const motion = motionLetter(trail)
      if (motion) out.push(...commitMotion(motion, t))

      const counts = tally(votes)
      // A drawn letter ends in motion, so only a new handshape (which commits anyway) releases it.
      if (held && !held.released && !held.drawn) {
        let heldVotes = 0
        for (const l of held.labels) heldVotes += counts.get(l)?.n ?? 0
        // A detection dropout is not a new handshape: only frames that saw the hand decide the
        // release (a real double letter shows as travel, `bounced`).
        const seenVotes = votes.filter((v) => v.seen).length
        const bounced = held.travelPalms >= o.bouncePalms
        if ((seenVotes > 0 && heldVotes / seenVotes < o.releaseShare) || bounced) {
          held.released = true
          // The letter must now be made again: votes and lead from before the release do not count
          // for it. They still fill the window, so the frames just after a jump (the old or a
          // half-formed handshape) do not make a majority of their own.
          leader = null
          votes = votes.map((v) => (v.t !== t && held?.labels.has(v.label ?? '') ? { ...v, label: null } : v))
          counts.clear()
          for (const [k, v] of tally(votes)) counts.set(k, v)
        }
      }

      const win = winner(counts)
      const leads = win !== null && win.n / votes.length >= o.commitShare && win.p / win.n >= o.commitMeanP
      if (!leads) leader = null
      else if (leader?.label !== win.label) leader = { label: win.label, since: t }

      const isHeld = leads && held !== null && held.labels.has(win.label)
      if (leads && leader && t - leader.since >= (isHeld ? o.doubleHoldMs : o.minHoldMs) && !motion) {
        if (!isHeld || held?.released) out.push(...commit(win.label, win.p / win.n, win.first, t))
        else {
          const last = word[word.length - 1]
          if (last) last.tEnd = t
        }
      }

      const pausing = !leader || (held !== null && held.labels.has(leader.label) && !held.released)
      if (word.length > 0 && t - lastCommitT >= o.pauseMs && pausing) out.push(...endWord(true))
      return out
    },
    flush: () => endWord(),
  }
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1] as number

type Count = { label: string; n: number; p: number; first: number }

function tally(votes: Vote[]): Map<string, Count> {
  const counts = new Map<string, Count>()
  for (const v of votes) {
    if (v.label === null) continue
    const c = counts.get(v.label) ?? { label: v.label, n: 0, p: 0, first: v.t }
    c.n++
    c.p += v.p
    counts.set(v.label, c)
  }
  return counts
}

function winner(counts: Map<string, Count>): Count | null {
  let best: Count | null = null
  for (const c of counts.values()) if (!best || c.n > best.n) best = c
  return best
}

type MotionLetter = { label: 'J' | 'Z'; base: ReadonlySet<string>; p: number; tStart: number }

/** A J or Z drawn within the trail, by a hand whose shape mostly matched the letter's start. */
function motionLetter(trail: TrailPoint[]): MotionLetter | null {
  if (trail.length < 6) return null
  const share = (set: ReadonlySet<string>) => trail.filter((s) => s.label !== null && set.has(s.label)).length / trail.length
  const samples = (tip: 'index' | 'pinky'): TrailSample[] => trail.map((s) => ({ t: s.t, tip: s[tip], palm: s.palm }))
  const tStart = (trail[0] as TrailPoint).t
  const j = share(J_HANDSHAPES)
  if (j >= MOTION_HANDSHAPE_SHARE && detectJ(samples('pinky'))) return { label: 'J', base: J_HANDSHAPES, p: j, tStart }
  const z = share(Z_HANDSHAPES)
  if (z >= MOTION_HANDSHAPE_SHARE && detectZ(samples('index'))) return { label: 'Z', base: Z_HANDSHAPES, p: z, tStart }
  return null
}

/** Share of the trail's frames whose best letter is the moving letter's starting handshape. */
const MOTION_HANDSHAPE_SHARE = 0.5
