import { describe, expect, it } from 'vitest'
import { makeTakeRecorder, type TakePhase } from './recordTake'
import { reference, rest, stream } from './testSigns'

const play = (frames: ReturnType<typeof stream>) => {
  const rec = makeTakeRecorder()
  const phases: TakePhase[] = []
  for (const f of frames) {
    const p = rec.push(f)
    if (phases[phases.length - 1] !== p) phases.push(p)
  }
  return { rec, phases }
}

describe('recording one take', () => {
  it('starts when a hand comes up and ends when the hands go down', () => {
    const hello = reference('hello')
    const { rec, phases } = play(stream(rest(500), hello, rest(800)))
    expect(phases).toEqual(['waiting', 'recording', 'done'])
    const take = rec.take()!
    expect(take.length).toBe(hello.length)
    expect(take.every((f) => f.hands.length > 0)).toBe(true)
  })

  it('asks to lower the hands first when one is already up, so no take starts mid-sign', () => {
    const hello = reference('hello')
    const { rec, phases } = play(stream(hello.slice(10), rest(400), hello, rest(800)))
    expect(phases).toEqual(['lower-hands', 'waiting', 'recording', 'done'])
    expect(rec.take()!.length).toBe(hello.length)
  })

  it('keeps a take through a frame or two the landmarker missed', () => {
    const hello = reference('hello')
    const gappy = hello.map((f, i) => (i === 8 || i === 9 ? { ...f, hands: [] } : f))
    const { rec } = play(stream(rest(300), gappy, rest(800)))
    expect(rec.take()!.length).toBe(hello.length)
  })

  it('ignores a flicker of a hand and waits for the sign', () => {
    const hello = reference('hello')
    const { rec } = play(stream(rest(300), hello.slice(0, 2), rest(500), hello, rest(800)))
    expect(rec.take()!.length).toBe(hello.length)
  })

  it('stops at the time limit when the hands stay up', () => {
    const long = stream(rest(300), ...Array.from({ length: 6 }, () => reference('J')))
    const { rec } = play(long)
    const take = rec.take()!
    expect(take[take.length - 1]!.t - take[0]!.t).toBeLessThanOrEqual(4_000)
  })
})
