import { describe, expect, it } from 'vitest'
import { makeHandCountPolicy, type HandBudget } from './handCountPolicy'

/** Runs the policy over frames at 30 fps where `handsAt(t)` hands are in view; returns the budget used per frame. */
function run(ms: number, handsAt: (t: number) => number) {
  const p = makeHandCountPolicy()
  const used: { t: number; b: HandBudget }[] = []
  for (let t = 0; t < ms; t += 33) {
    const b = p.choose(t)
    // A one-hand landmarker never reports more than one hand.
    p.observe(t, b, b === 'one' ? Math.min(1, handsAt(t)) : handsAt(t))
    used.push({ t, b })
  }
  return used
}

describe('hand count policy', () => {
  it('tracks one hand while one signs, looking for a second only now and then', () => {
    const used = run(4000, () => 1)
    const many = used.filter((u) => u.b === 'many').length
    expect(many).toBeGreaterThan(5)
    expect(many / used.length).toBeLessThan(0.1)
  })

  it('picks up a second hand within one probe interval and then tracks both on every frame', () => {
    const used = run(4000, (t) => (t >= 1000 ? 2 : 1))
    const firstMany = used.find((u) => u.t >= 1000 && u.b === 'many')!
    expect(firstMany.t - 1000).toBeLessThanOrEqual(400)
    expect(used.filter((u) => u.t > firstMany.t).every((u) => u.b === 'many')).toBe(true)
  })

  it('goes back to one hand once the second has been gone for a while, not at the first miss', () => {
    const used = run(5000, (t) => (t < 2000 ? 2 : t < 2100 ? 1 : t < 2500 ? 2 : 1))
    expect(used.filter((u) => u.t >= 2000 && u.t < 2500).every((u) => u.b === 'many')).toBe(true)
    const back = used.find((u) => u.t > 2500 && u.b === 'one')!
    expect(back.t - 2500).toBeGreaterThanOrEqual(700)
    expect(back.t - 2500).toBeLessThanOrEqual(900)
  })
})
