import { describe, expect, it } from 'vitest'
import { customSignsFile, parseCustomSignsFile, uniqueName } from './customSignFile'
import type { CustomSignRecord } from './customSignTemplates'
import { atPace, reference } from './testSigns'

const record: CustomSignRecord = { id: 'c1', name: 'my dog', createdAt: 1_700_000_000_000, updatedAt: 0, takes: [1, 1.1, 0.9].map((p) => atPace(reference('J'), p)) }

describe('custom signs export and import', () => {
  it('reads back the signs it exported, landmarks to four decimals', () => {
    const r = parseCustomSignsFile(JSON.stringify(customSignsFile([record], 5)))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value).toHaveLength(1)
    expect(r.value[0]!.name).toBe('my dog')
    expect(r.value[0]!.takes.map((t) => t.length)).toEqual(record.takes.map((t) => t.length))
    const p = r.value[0]!.takes[0]![3]!.hands[0]!.landmarks[8]!
    const q = record.takes[0]![3]!.hands[0]!.landmarks[8]!
    expect(p.x).toBeCloseTo(q.x, 4)
    expect(p.y).toBeCloseTo(q.y, 4)
  })

  it('refuses a damaged or foreign file, saying where, before anything is stored', () => {
    const file = customSignsFile([record], 5)
    const refuse = (v: unknown) => {
      const r = parseCustomSignsFile(typeof v === 'string' ? v : JSON.stringify(v))
      return r.ok ? null : r.error.message
    }
    expect(refuse('not json')).toBe('it is not JSON')
    expect(refuse({ kind: 'silenttalk-practice-progress', v: 1 })).toBe('it is not a SilentTalk custom signs export')
    const badPoint = structuredClone(file)
    badPoint.signs[0]!.takes[1]![2]!.hands[0]!.landmarks[4] = [0.5, 'x', 0] as never
    expect(refuse(badPoint)).toBe('signs[0].takes[1][2].hands[0].landmarks[4][1] expected a finite number')
    const missingPoint = structuredClone(file)
    missingPoint.signs[0]!.takes[0]![0]!.hands[0]!.landmarks.pop()
    expect(refuse(missingPoint)).toBe('signs[0].takes[0][0].hands[0].landmarks fewer than 21 items')
    const backwards = structuredClone(file)
    backwards.signs[0]!.takes[2]![5]!.t = 0
    expect(refuse(backwards)).toBe('signs[0].takes[2] goes back in time')
    expect(refuse({ ...file, signs: [{ ...file.signs[0], name: '' }] })).toBe('signs[0].name shorter than 1')
  })

  it('refuses a file far larger than an export could be', () => {
    const r = parseCustomSignsFile(' '.repeat(20_000_001))
    expect(r.ok || r.error.reason).toBe('file-too-large')
  })

  it('gives an imported sign a new name when the user already has one called that', () => {
    expect(uniqueName('my dog', new Set(['cat']))).toBe('my dog')
    expect(uniqueName('My Dog', new Set(['my dog', 'my dog (2)']))).toBe('My Dog (3)')
  })
})
