/**
 * @module Network quality per participant, from two `getStats` samples of their connection. Pure:
 * it reads plain stats dictionaries, so the thresholds are tested under Node.
 *
 * Thresholds: signing needs ≥ 20 fps to stay legible (issue #2), so frame rate weighs as much as
 * round-trip time and loss. RTT ≤ 200 ms / loss ≤ 2 % feels live; past 400 ms or 8 % turn-taking
 * breaks down (ITU-T G.114 puts one-way delay above 400 ms out of bounds for conversation).
 */

export type QualityGrade = 'good' | 'fair' | 'poor' | 'unknown'

/** Cumulative counters read from one `getStats()` report. */
export type StatsCounters = {
  atMs: number
  rttMs: number | null
  packetsReceived: number
  packetsLost: number
  framesDecoded: number
  /** Chrome's own estimate over the last second; null where the browser gives none. */
  framesPerSecond: number | null
}

export type Quality = {
  grade: QualityGrade
  rttMs: number | null
  lossPct: number | null
  fps: number | null
}

export const GOOD = { rttMs: 200, lossPct: 2, fps: 20 } as const
export const FAIR = { rttMs: 400, lossPct: 8, fps: 12 } as const

type StatsEntry = { type: string; id: string; [key: string]: unknown }

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

/** Sums what the remote peer sends us and finds the RTT of the selected candidate pair. */
export function readCounters(report: Iterable<StatsEntry>, atMs: number): StatsCounters {
  const entries = [...report]
  const byId = new Map(entries.map((e) => [e.id, e]))
  const transport = entries.find((e) => e.type === 'transport' && typeof e.selectedCandidatePairId === 'string')
  const pair =
    (transport && byId.get(transport.selectedCandidatePairId as string)) ??
    entries.find((e) => e.type === 'candidate-pair' && e.nominated === true && e.state === 'succeeded')
  const rttS = pair ? num(pair.currentRoundTripTime) : null

  let packetsReceived = 0
  let packetsLost = 0
  let framesDecoded = 0
  let framesPerSecond: number | null = null
  for (const e of entries) {
    if (e.type !== 'inbound-rtp') continue
    packetsReceived += num(e.packetsReceived) ?? 0
    // packetsLost may go negative with duplicates (RFC 3550 §6.4.1); never count that as gain.
    packetsLost += Math.max(0, num(e.packetsLost) ?? 0)
    if (e.kind === 'video') {
      framesDecoded += num(e.framesDecoded) ?? 0
      const fps = num(e.framesPerSecond)
      if (fps !== null) framesPerSecond = (framesPerSecond ?? 0) + fps
    }
  }
  return { atMs, rttMs: rttS === null ? null : rttS * 1_000, packetsReceived, packetsLost, framesDecoded, framesPerSecond }
}

/**
 * Grades the interval between two samples. `videoExpected` is false while the peer's camera is off,
 * so a stopped picture is not mistaken for a bad network.
 */
export function gradeQuality(prev: StatsCounters | null, next: StatsCounters, videoExpected: boolean): Quality {
  let lossPct: number | null = null
  let fps: number | null = next.framesPerSecond
  if (prev) {
    const received = next.packetsReceived - prev.packetsReceived
    const lost = next.packetsLost - prev.packetsLost
    if (received + lost > 0) lossPct = (100 * Math.max(0, lost)) / (received + Math.max(0, lost))
    const dtS = (next.atMs - prev.atMs) / 1_000
    if (fps === null && dtS > 0) fps = Math.max(0, next.framesDecoded - prev.framesDecoded) / dtS
  }
  const rttMs = next.rttMs
  if (rttMs === null && lossPct === null) return { grade: 'unknown', rttMs, lossPct, fps: videoExpected ? fps : null }

  const within = (limit: { rttMs: number; lossPct: number; fps: number }) =>
    (rttMs === null || rttMs <= limit.rttMs) &&
    (lossPct === null || lossPct <= limit.lossPct) &&
    (!videoExpected || fps === null || fps >= limit.fps)
  const grade: QualityGrade = within(GOOD) ? 'good' : within(FAIR) ? 'fair' : 'poor'
  return { grade, rttMs, lossPct, fps: videoExpected ? fps : null }
}

/** The numbers behind a badge, for its accessible label and tooltip. */
export function describeQuality(q: Quality): string {
  const parts = [
    q.rttMs === null ? null : `round trip ${Math.round(q.rttMs)} ms`,
    q.lossPct === null ? null : `packet loss ${q.lossPct.toFixed(1)} %`,
    q.fps === null ? null : `${Math.round(q.fps)} fps`,
  ].filter((p): p is string => p !== null)
  const grade = q.grade === 'unknown' ? 'not measured yet' : q.grade
  return parts.length ? `Connection ${grade}: ${parts.join(', ')}` : `Connection ${grade}`
}
