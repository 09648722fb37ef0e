import { describe, expect, it } from 'vitest'
import { mergeProgress, parseProgressFile, progressFile } from './progressFile'
import { recordAttempt, type SignProgress } from './progress'

const p = (key: string, answers: string, at: number) => [...answers].reduce<SignProgress | undefined>((s, a, i) => recordAttempt(s, key, a === '1', at + i), undefined)!
const signs = [p('asl-letters:A', '1101', 1_000), p('spell:CAT', '1', 2_000), p('custom:7f3a', '01', 3_000)]

describe('progress export and import', () => {
  it('reads back exactly what it exported', () => {
    const text = JSON.stringify(progressFile(signs, 5_000))
    expect(parseProgressFile(text)).toEqual({ ok: true, value: signs })
  })

  it('refuses a file that is not JSON, not ours, or damaged, saying where', () => {
    const refuse = (text: string) => {
      const r = parseProgressFile(text)
      return r.ok ? null : `${r.error.reason}: ${r.error.message}`
    }
    expect(refuse('{"kind": "silenttalk')).toBe('file-invalid: it is not JSON')
    expect(refuse(JSON.stringify({ kind: 'something-else', signs: [] }))).toBe('file-invalid: it is not a SilentTalk practice progress export')
    const file = progressFile(signs, 5_000)
    expect(refuse(JSON.stringify({ ...file, signs: [{ ...signs[0], attempts: -1 }] }))).toBe('file-invalid: signs[0].attempts less than 0')
    expect(refuse(JSON.stringify({ ...file, signs: [{ ...signs[0], recent: '1x' }] }))).toBe('file-invalid: signs[0].recent has an invalid format')
    expect(refuse(JSON.stringify({ ...file, signs: [{ ...signs[0], correct: 9 }] }))).toBe('file-invalid: signs[0] has more right answers than attempts')
    expect(refuse(JSON.stringify({ ...file, signs: [signs[0], signs[0]] }))).toBe('file-invalid: signs[1].key asl-letters:A appears twice')
    expect(refuse(JSON.stringify({ ...file, signs: [{ ...signs[0], extra: 1 }] }))).toBe('file-invalid: signs[0].extra is not allowed')
    expect(refuse(JSON.stringify({ ...file, v: 2 }))).toBe('file-invalid: v expected 1')
  })

  it('refuses a file far larger than an export', () => {
    const r = parseProgressFile(' '.repeat(5_000_001))
    expect(r.ok || r.error.reason).toBe('file-too-large')
  })

  it('keeps newer practice when an older backup is imported, and adds signs it did not have', () => {
    const stored = new Map([[signs[0]!.key, p('asl-letters:A', '11111', 9_000)]])
    expect(mergeProgress(stored, signs).map((s) => s.key)).toEqual(['spell:CAT', 'custom:7f3a'])
  })

  it('changes nothing when the same export is imported again', () => {
    const stored = new Map(signs.map((s) => [s.key, s]))
    expect(mergeProgress(stored, signs)).toEqual([])
  })
})
