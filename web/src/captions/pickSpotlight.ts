/**
 * @module Who is signing, and whom to spotlight. Pure, with hysteresis, so tiles do not jump about
 * when a signer drops their hands between two signs or two people sign at once.
 *
 * A peer whose recogniser is on counts as signing once their hands have been up for `enterMs`
 * or a sign caption of theirs arrived within `enterMs`… and stops counting only after `exitMs`
 * with hands down and no caption. The spotlight stays on its signer while they sign; only when
 * they stop does it move to someone else who is signing, and with nobody else signing it stays
 * where it is (the last signer), as an active-speaker view does. It leaves someone who left the
 * call or turned their recogniser off.
 */

export type SigningActivity = {
  /** Their media state says their recogniser is on. */
  recognising: boolean
  /** Their hands are in view, as their recogniser last told us, and since when (epoch ms). */
  handsUp: boolean
  handsChangedAtMs: number
  /** When their latest sign caption (letter or word, interim or final) arrived (epoch ms). */
  lastCaptionAtMs: number
}

export type SpotlightState = {
  /** Peers signing now, for the highlight on their tiles. */
  signing: string[]
  spotlight: string | null
}

export const SPOTLIGHT_DEFAULTS = {
  /** Hands up this long, or a caption this recent, makes a signer. */
  enterMs: 400,
  /** Hands down and no caption for this long, and they have stopped. */
  exitMs: 2_500,
}

export const NO_SPOTLIGHT: SpotlightState = { signing: [], spotlight: null }

export function pickSpotlight(
  prev: SpotlightState,
  peers: Readonly<Record<string, SigningActivity>>,
  nowMs: number,
  o: typeof SPOTLIGHT_DEFAULTS = SPOTLIGHT_DEFAULTS,
): SpotlightState {
  const was = new Set(prev.signing)
  const signing: { id: string; sinceMs: number }[] = []
  for (const [id, a] of Object.entries(peers)) {
    if (!a.recognising) continue
    const captionAgoMs = nowMs - a.lastCaptionAtMs
    const handsForMs = nowMs - a.handsChangedAtMs
    const active = was.has(id)
      ? a.handsUp || captionAgoMs < o.exitMs || handsForMs < o.exitMs
      : (a.handsUp && handsForMs >= o.enterMs) || captionAgoMs < o.enterMs
    if (active) signing.push({ id, sinceMs: Math.max(a.handsUp ? a.handsChangedAtMs : -Infinity, a.lastCaptionAtMs) })
  }
  const ids = signing.map((s) => s.id)
  const current = prev.spotlight
  if (current !== null && ids.includes(current)) return { signing: ids, spotlight: current }
  // The newest signer: a reply usually comes from whoever started last.
  const next = [...signing].sort((a, b) => b.sinceMs - a.sinceMs)[0]?.id
  if (next !== undefined) return { signing: ids, spotlight: next }
  const stays = current !== null && peers[current]?.recognising === true
  return { signing: ids, spotlight: stays ? current : null }
}

/** The tiles to put on the stage: the viewer's pins when there are any, else the spotlight when it is on. */
export function stagePins(pins: readonly string[], autoSpotlight: boolean, spotlight: string | null): string[] {
  if (pins.length > 0) return [...pins]
  return autoSpotlight && spotlight !== null ? [spotlight] : []
}
