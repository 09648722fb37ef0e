/**
 * @module With both models running, one stretch of signing is either fingerspelling or a sign, not
 * both: the word model sees a spelled word's handshapes as a sign now and then (N-O spelled in HELLO
 * reads as NO), and the letter model catches a sign's handshape held for a moment (the B of HELLO).
 *
 * - A sign that comes up while a word of two or more letters is being spelled waits: if another
 *   letter follows, it was part of the spelling and is dropped; if the spelled word ends first, the
 *   sign goes out then (up to the letter decoder's pause later than otherwise).
 * - A sign inside a finished spelled word is dropped; a lone letter inside a sign (or in the moment
 *   after it, as the hand comes to rest) is withdrawn.
 * Pure, in the frames' clock.
 */
import type { DecodedCaption } from './decoder'

/** How much of a span must lie inside the other reading's span for the two to be one stretch. */
const OVERLAP_SHARE = 0.5
/** A sign's movement goes on a little after the word model commits it. */
const SIGN_TAIL_MS = 700
/** Spans older than this can no longer meet a new caption. */
const KEEP_MS = 15_000

type Span = { tStart: number; tEnd: number }
type Spelled = Span & { letters: number; open: boolean; lastLetterAt: number }

/** Share of `a` that lies inside `b`. */
const within = (a: Span, b: Span) => (Math.min(a.tEnd, b.tEnd) - Math.max(a.tStart, b.tStart)) / Math.max(1, a.tEnd - a.tStart)

const inSign = (letter: Span, sign: Span) => within(letter, sign) >= OVERLAP_SHARE || (letter.tStart >= sign.tStart && letter.tStart <= sign.tEnd + SIGN_TAIL_MS)

/** An empty final withdraws whatever the caption showed, its final included. */
const withdrawn = (c: DecodedCaption): DecodedCaption => ({ ...c, text: '', final: true })

export function makeSpellingOrSign() {
  /** Spelled words by caption id; the open one lasts while its last letter is held. */
  const spelled = new Map<string, Spelled>()
  /** Lone letters already final, in case a sign around them is committed after them. */
  let lone: DecodedCaption[] = []
  let signs: Span[] = []
  /** When each sign was first seen: its tStart reaches back a whole window, over what came before. */
  const firstSeen = new Map<string, number>()
  /** Signs waiting on a spelled word in progress: the latest event of each. */
  const waiting = new Map<string, DecodedCaption>()
  /** Captions already withdrawn or dropped: their later updates are dropped too. */
  const dropped = new Set<string>()
  /** Signs of which something went out, so dropping one needs a withdrawal. */
  const shown = new Set<string>()

  /** `nowMs`: the frame these events came from; `signedUntil`: the word decoder's (see WordDecoder). */
  return (events: DecodedCaption[], nowMs: number, signedUntil: number | null): DecodedCaption[] => {
    const out: DecodedCaption[] = []
    const last = signs[signs.length - 1]
    if (last && signedUntil !== null) last.tEnd = Math.max(last.tEnd, signedUntil)
    // Most frames bring nothing to decide: the per-frame path stops here.
    if (events.length === 0 && waiting.size === 0) return events
    const spellingNow = () => [...spelled.values()].find((w) => w.open && w.letters >= 2)
    const core = (c: DecodedCaption): Span => ({ tStart: firstSeen.get(c.id) ?? c.tEnd, tEnd: c.tEnd })
    const inSpelling = (c: DecodedCaption) => [...spelled.values()].some((w) => !w.open && w.letters >= 2 && within(core(c), w) >= OVERLAP_SHARE)

    const emitSign = (c: DecodedCaption) => {
      if (c.text && inSpelling(c)) {
        dropped.add(c.id)
        if (shown.has(c.id)) out.push(withdrawn(c))
        return
      }
      if (c.final && c.text) {
        const span = { tStart: c.tStart, tEnd: c.tEnd }
        signs.push(span)
        for (const l of lone.filter((l) => inSign(l, span))) {
          dropped.add(l.id)
          out.push(withdrawn(l))
        }
        lone = lone.filter((l) => !dropped.has(l.id))
      }
      shown.add(c.id)
      out.push(c)
    }

    for (const c of events) {
      if (dropped.has(c.id)) continue
      if (c.kind === 'letter') {
        const letters = [...c.text].length
        const before = spelled.get(c.id)
        if (letters > 0) spelled.set(c.id, { tStart: c.tStart, tEnd: c.tEnd, letters, open: !c.final, lastLetterAt: letters > (before?.letters ?? 0) ? c.tEnd : (before?.lastLetterAt ?? c.tEnd) })
        if (c.final && letters === 1) {
          if (signs.some((s) => inSign(c, s))) {
            dropped.add(c.id)
            out.push(withdrawn(c))
            continue
          }
          lone.push(c)
        }
        out.push(c)
        continue
      }
      if (!firstSeen.has(c.id)) firstSeen.set(c.id, c.tEnd)
      if (spellingNow() || waiting.has(c.id)) waiting.set(c.id, c)
      else emitSign(c)
    }

    // Each waiting sign: dropped once a letter follows it, let out once the spelling is over.
    for (const [id, c] of waiting) {
      const w = spellingNow()
      const start = core(c).tStart
      const letterAfter = [...spelled.values()].some((s) => s.letters >= 2 && s.lastLetterAt > start && s.tStart < start)
      if (letterAfter) {
        waiting.delete(id)
        dropped.add(id)
      } else if (!w) {
        waiting.delete(id)
        emitSign(c)
      }
    }

    const horizon = nowMs - KEEP_MS
    signs = signs.filter((s) => s.tEnd >= horizon)
    lone = lone.filter((l) => l.tEnd >= horizon)
    for (const [id, w] of spelled) if (!w.open && w.tEnd < horizon) spelled.delete(id)
    for (const [id, t] of firstSeen) if (t < horizon && !waiting.has(id)) firstSeen.delete(id)
    for (const id of shown) if (!firstSeen.has(id)) shown.delete(id)
    for (const id of dropped) if (!firstSeen.has(id) && !spelled.has(id)) dropped.delete(id)
    return out
  }
}
