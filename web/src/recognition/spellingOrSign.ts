/**
 * @module With both models running, one stretch of signing is either fingerspelling or a sign, not
 * both: the word model sees a spelled word's handshapes as a sign now and then (N-O spelled in HELLO
 * reads as NO), and the letter model catches a sign's handshape held for a moment (the B of HELLO).
 * The stronger reading wins: a sign over a stretch where two or more letters were spelled is
 * withdrawn, and so is a lone letter inside a sign. Pure, in the frames' clock.
 */
import type { DecodedCaption } from './decoder'

/** How much of a span must lie inside the other reading's span for the two to be one stretch. */
const OVERLAP_SHARE = 0.5
/** Spans older than this can no longer meet a new caption. */
const KEEP_MS = 15_000

type Span = { tStart: number; tEnd: number }

/** Share of `a` that lies inside `b`. */
const within = (a: Span, b: Span) => (Math.min(a.tEnd, b.tEnd) - Math.max(a.tStart, b.tStart)) / Math.max(1, a.tEnd - a.tStart)

/** An empty final withdraws whatever the caption showed, its final included. */
const withdrawn = (c: DecodedCaption): DecodedCaption => ({ ...c, text: '', final: true })

export function makeSpellingOrSign() {
  /** Spelled words by caption id, with how many letters each holds so far; the open one lasts while its last letter is held. */
  const spelled = new Map<string, Span & { letters: number; open: boolean }>()
  /** Lone letters already final, in case a sign around them is committed after them. */
  let lone: DecodedCaption[] = []
  let signs: Span[] = []
  /**
   * When each sign was first seen: a sign's tStart reaches back a whole window before the model
   * was sure, over whatever came before it (often the end of a spelled word).
   */
  const firstSeen = new Map<string, number>()
  /** Captions already withdrawn: their later updates are dropped. */
  const dropped = new Set<string>()

  /** `nowMs`: the frame these events came from; `until`: how far the decoders' latest word and sign go (see their `…Until`). */
  return (events: DecodedCaption[], nowMs: number, until: { spelled: number | null; signed: number | null }): DecodedCaption[] => {
    const last = signs[signs.length - 1]
    if (last && until.signed !== null) last.tEnd = Math.max(last.tEnd, until.signed)
    const out: DecodedCaption[] = []
    const drop = (c: DecodedCaption) => {
      dropped.add(c.id)
      out.push(withdrawn(c))
    }
    for (const c of events) {
      if (dropped.has(c.id)) continue
      if (c.kind === 'letter') {
        const letters = [...c.text].length
        if (letters > 0) spelled.set(c.id, { tStart: c.tStart, tEnd: c.tEnd, letters, open: !c.final })
        if (c.final && letters === 1) {
          if (signs.some((s) => within(c, s) >= OVERLAP_SHARE)) {
            drop(c)
            continue
          }
          lone.push(c)
        }
        out.push(c)
        continue
      }
      if (!firstSeen.has(c.id)) firstSeen.set(c.id, c.tEnd)
      const core = { tStart: firstSeen.get(c.id)!, tEnd: c.tEnd }
      const spelling = [...spelled.values()].some((w) => w.letters >= 2 && within(core, w.open ? { tStart: w.tStart, tEnd: Math.max(w.tEnd, until.spelled ?? w.tEnd) } : w) >= OVERLAP_SHARE)
      if (c.text && spelling) {
        drop(c)
        continue
      }
      if (c.final && c.text) {
        signs.push({ tStart: c.tStart, tEnd: c.tEnd })
        for (const l of lone.filter((l) => within(l, c) >= OVERLAP_SHARE)) drop(l)
        lone = lone.filter((l) => !dropped.has(l.id))
      }
      out.push(c)
    }
    const horizon = nowMs - KEEP_MS
    signs = signs.filter((s) => s.tEnd >= horizon)
    lone = lone.filter((l) => l.tEnd >= horizon)
    for (const [id, w] of spelled) if (!w.open && w.tEnd < horizon) spelled.delete(id)
    for (const [id, t] of firstSeen) if (t < horizon) firstSeen.delete(id)
    return out
  }
}
