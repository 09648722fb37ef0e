import { describe, expect, it } from 'vitest'
import { describeQuality, gradeQuality, readCounters, type StatsCounters } from './gradeQuality'

/** The entries Chrome reports for a connection receiving audio and video (trimmed to what we read). */
function chromeReport(o: { rttS: number; audio: [number, number]; video: [number, number]; framesDecoded: number; fps?: number }) {
  return [
    { type: 'transport', id: 'T01', selectedCandidatePairId: 'CPa' },
    { type: 'candidate-pair', id: 'CPb', nominated: false, state: 'waiting', currentRoundTripTime: 9 },
    { type: 'candidate-pair', id: 'CPa', nominated: true, state: 'succeeded', currentRoundTripTime: o.rttS },
    { type: 'inbound-rtp', id: 'IA', kind: 'audio', packetsReceived: o.audio[0], packetsLost: o.audio[1] },
    {
      type: 'inbound-rtp',
      id: 'IV',
      kind: 'video',
      packetsReceived: o.video[0],
      packetsLost: o.video[1],
      framesDecoded: o.framesDecoded,
      ...(o.fps === undefined ? {} : { framesPerSecond: o.fps }),
    },
    { type: 'outbound-rtp', id: 'OV', kind: 'video', packetsSent: 99_999 },
  ]
}

const sample = (atMs: number, over: Partial<StatsCounters> = {}): StatsCounters => ({
  atMs,
  rttMs: 20,
  packetsReceived: 0,
  packetsLost: 0,
  framesDecoded: 0,
  framesPerSecond: 30,
  ...over,
})

describe('readCounters', () => {
  it('reads the RTT of the selected candidate pair and sums what arrives', () => {
    const c = readCounters(chromeReport({ rttS: 0.042, audio: [500, 2], video: [1_500, 8], framesDecoded: 300, fps: 29 }), 1_000)
    expect(c).toEqual({ atMs: 1_000, rttMs: 42, packetsReceived: 2_000, packetsLost: 10, framesDecoded: 300, framesPerSecond: 29 })
  })

  it('falls back to the nominated pair when the transport names none', () => {
    const report = chromeReport({ rttS: 0.1, audio: [0, 0], video: [0, 0], framesDecoded: 0 }).filter((e) => e.type !== 'transport')
    expect(readCounters(report, 0).rttMs).toBe(100)
  })

  it('reports no RTT before ICE has picked a pair', () => {
    expect(readCounters([{ type: 'inbound-rtp', id: 'I', kind: 'video', packetsReceived: 3 }], 0).rttMs).toBeNull()
  })

  it('does not count duplicated packets (negative loss) as gained', () => {
    const c = readCounters([{ type: 'inbound-rtp', id: 'I', kind: 'audio', packetsReceived: 10, packetsLost: -3 }], 0)
    expect(c.packetsLost).toBe(0)
  })
})

describe('gradeQuality', () => {
  it('calls a fast clean link at full frame rate good', () => {
    const q = gradeQuality(sample(0), sample(2_000, { packetsReceived: 1_000, rttMs: 35 }), true)
    expect(q).toEqual({ grade: 'good', rttMs: 35, lossPct: 0, fps: 30 })
  })

  it('calls video below 20 fps fair even on a fast link: signing needs the frames', () => {
    const q = gradeQuality(sample(0), sample(2_000, { packetsReceived: 1_000, framesPerSecond: 15 }), true)
    expect(q.grade).toBe('fair')
  })

  it('calls heavy loss poor', () => {
    const q = gradeQuality(sample(0), sample(2_000, { packetsReceived: 800, packetsLost: 200 }), true)
    expect(q.lossPct).toBeCloseTo(20)
    expect(q.grade).toBe('poor')
  })

  it('calls half a second of round trip poor', () => {
    expect(gradeQuality(sample(0), sample(2_000, { packetsReceived: 100, rttMs: 550 }), true).grade).toBe('poor')
  })

  it('measures loss over the interval, not since the call began', () => {
    const prev = sample(0, { packetsReceived: 10_000, packetsLost: 900 })
    const next = sample(2_000, { packetsReceived: 11_000, packetsLost: 900 })
    expect(gradeQuality(prev, next, true)).toMatchObject({ lossPct: 0, grade: 'good' })
  })

  it('derives fps from decoded frames when the browser gives no estimate', () => {
    const q = gradeQuality(sample(0, { framesDecoded: 100, framesPerSecond: null }), sample(2_000, { framesDecoded: 150, framesPerSecond: null, packetsReceived: 10 }), true)
    expect(q.fps).toBe(25)
  })

  it('ignores frame rate while the peer has their camera off', () => {
    const q = gradeQuality(sample(0), sample(2_000, { packetsReceived: 100, framesPerSecond: 0 }), false)
    expect(q).toMatchObject({ grade: 'good', fps: null })
  })

  it('says unknown until there is something to measure', () => {
    expect(gradeQuality(null, sample(0, { rttMs: null }), true).grade).toBe('unknown')
  })
})

describe('describeQuality', () => {
  it('puts the numbers in words for a screen reader', () => {
    expect(describeQuality({ grade: 'fair', rttMs: 123.4, lossPct: 3.25, fps: 18.6 })).toBe(
      'Connection fair: round trip 123 ms, packet loss 3.3 %, 19 fps',
    )
    expect(describeQuality({ grade: 'unknown', rttMs: null, lossPct: null, fps: null })).toBe('Connection not measured yet')
  })
})
