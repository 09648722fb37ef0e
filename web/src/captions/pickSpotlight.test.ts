import { describe, expect, it } from 'vitest'
import { NO_SPOTLIGHT, pickSpotlight, stagePins, type SigningActivity, type SpotlightState } from './pickSpotlight'

const idle: SigningActivity = { recognising: true, handsUp: false, handsChangedAtMs: 0, lastCaptionAtMs: -Infinity }
const handsUp = (sinceMs: number): SigningActivity => ({ ...idle, handsUp: true, handsChangedAtMs: sinceMs })
const handsDown = (sinceMs: number, lastCaptionAtMs = -Infinity): SigningActivity => ({ ...idle, handsChangedAtMs: sinceMs, lastCaptionAtMs })

/** Steps through time; each step's peers are what the viewer knows at that moment. */
function walk(steps: [nowMs: number, peers: Record<string, SigningActivity>][]): SpotlightState[] {
  let s = NO_SPOTLIGHT
  return steps.map(([now, peers]) => (s = pickSpotlight(s, peers, now)))
}

describe('who is signing', () => {
  it('starts once hands have been up a moment, not at a hand passing through', () => {
    const [brief, held] = walk([
      [10_100, { ana: handsUp(10_000) }],
      [10_500, { ana: handsUp(10_000) }],
    ])
    expect(brief!.signing).toEqual([])
    expect(held).toEqual({ signing: ['ana'], spotlight: 'ana' })
  })

  it('starts at once with a sign caption', () => {
    expect(walk([[5_000, { ana: { ...idle, lastCaptionAtMs: 4_900 } }]])[0]).toEqual({ signing: ['ana'], spotlight: 'ana' })
  })

  it('goes on through a short pause between signs and stops after a longer one', () => {
    const states = walk([
      [1_000, { ana: handsUp(0) }],
      [2_500, { ana: handsDown(2_000, 1_900) }],
      [4_000, { ana: handsDown(2_000, 1_900) }],
      [4_600, { ana: handsDown(2_000, 1_900) }],
    ])
    expect(states.map((s) => s.signing)).toEqual([['ana'], ['ana'], ['ana'], []])
  })

  it('counts nobody whose recogniser is off, whatever came before', () => {
    expect(walk([[9_000, { ana: { ...handsUp(0), recognising: false } }]])[0]).toEqual(NO_SPOTLIGHT)
  })
})

describe('the spotlight', () => {
  it('stays on its signer while a second person signs too, then moves to them', () => {
    const states = walk([
      [1_000, { ana: handsUp(0), ben: idle }],
      [3_000, { ana: handsUp(0), ben: handsUp(2_000) }],
      [5_000, { ana: handsDown(3_500), ben: handsUp(2_000) }],
      [6_100, { ana: handsDown(3_500), ben: handsUp(2_000) }],
    ])
    expect(states.map((s) => s.spotlight)).toEqual(['ana', 'ana', 'ana', 'ben'])
    expect(states[1]!.signing).toEqual(['ana', 'ben'])
  })

  it('goes to the newest of several signers when it has to choose', () => {
    expect(walk([[9_000, { ana: handsUp(1_000), ben: handsUp(7_000), cy: handsUp(4_000) }]])[0]!.spotlight).toBe('ben')
  })

  it('stays on the last signer when everyone stops, and leaves when they leave or stop recognising', () => {
    const states = walk([
      [1_000, { ana: handsUp(0) }],
      [60_000, { ana: handsDown(2_000) }],
      [61_000, { ana: { ...handsDown(2_000), recognising: false } }],
      [62_000, { ana: handsUp(61_000) }],
      [63_000, {}],
    ])
    expect(states.map((s) => s.spotlight)).toEqual(['ana', 'ana', null, 'ana', null])
  })
})

describe('what goes on the stage', () => {
  it('is the viewer’s pins when there are any: manual pins win', () => {
    expect(stagePins(['cy'], true, 'ana')).toEqual(['cy'])
  })

  it('is the spotlight when auto-spotlight is on, and nothing when it is off', () => {
    expect(stagePins([], true, 'ana')).toEqual(['ana'])
    expect(stagePins([], false, 'ana')).toEqual([])
    expect(stagePins([], true, null)).toEqual([])
  })
})
