import { describe, expect, it } from 'vitest'
import type { FrameObservation } from '../../../../shared/features/observation'
import { customSignTemplates, type CustomSignRecord } from './customSignTemplates'
import { customSignCaption, makeCustomSignMatcher, type CustomSignMatch } from './makeCustomSignMatcher'
import { atPace, REFERENCES, reference, rest, stream } from './testSigns'
import { takeSequence } from './customSignTemplates'

/** A custom sign taught from three recordings of a reference sign at different paces. */
const taught = (id: string, label: string): CustomSignRecord => ({ id, name: label, createdAt: 0, updatedAt: 0, takes: [1, 1.15, 0.9].map((p) => atPace(reference(label), p)) })
/** Every reference sign except the taught ones: the known signs a custom sign is calibrated against. */
const others = (...except: string[]) => [...REFERENCES.values()].filter((r) => !except.includes(r.label)).map((r) => takeSequence(r.frames).sequence)

function run(frames: FrameObservation[], records: CustomSignRecord[], except: string[]) {
  const matcher = makeCustomSignMatcher(customSignTemplates(records, others(...except)))
  const matches: (CustomSignMatch & { at: number })[] = []
  for (const f of frames) {
    const m = matcher.push(f)
    if (m) matches.push({ ...m, at: f.t })
  }
  return matches
}

describe('recognising custom signs in a live stream', () => {
  it('recognises a taught sign once, when it is signed, and not the signs around it', () => {
    const frames = stream(rest(500), atPace(reference('please'), 1), rest(600), atPace(reference('hello'), 1.05), rest(600), atPace(reference('yes'), 1), rest(500))
    const helloStart = 500 + reference('please').at(-1)!.t + 600
    const matches = run(frames, [taught('c1', 'hello')], ['hello'])
    expect(matches.map((m) => m.name)).toEqual(['hello'])
    expect(matches[0]!.at).toBeGreaterThan(helloStart)
    expect(matches[0]!.distance).toBeLessThan(matches[0]!.threshold)
    expect(matches[0]!.confidence).toBeGreaterThan(0.5)
  })

  it('tells two custom signs apart', () => {
    const frames = stream(rest(400), atPace(reference('J'), 1.1), rest(600), atPace(reference('hello'), 0.95), rest(600))
    const matches = run(frames, [taught('c1', 'hello'), taught('c2', 'J')], ['hello', 'J'])
    expect(matches.map((m) => m.id)).toEqual(['c2', 'c1'])
  })

  it('recognises a sign made twice, twice', () => {
    const hello = atPace(reference('hello'), 1)
    const matches = run(stream(rest(400), hello, rest(700), hello, rest(700)), [taught('c1', 'hello')], ['hello'])
    expect(matches.length).toBe(2)
  })

  it('says which sign was nearest when nothing matched', () => {
    const matcher = makeCustomSignMatcher(customSignTemplates([taught('c1', 'hello')], others('hello')))
    for (const f of stream(rest(300), reference('please'), rest(300))) expect(matcher.push(f)).toBeNull()
    expect(matcher.nearest()).toMatchObject({ id: 'c1', name: 'hello' })
    expect(matcher.nearest()!.distance).toBeGreaterThan(matcher.nearest()!.threshold)
  })

  it('turns a match into a final caption for calls', () => {
    const m: CustomSignMatch = { id: 'c1', name: 'my dog', distance: 0.1, threshold: 0.3, confidence: 0.83, tStart: 100, tEnd: 1_300 }
    expect(customSignCaption(m, 'x-c1', 1_000_000)).toEqual({ v: 1, id: 'x-c1', text: 'my dog', kind: 'word', confidence: 0.83, tStart: 1_000_100, tEnd: 1_001_300, final: true })
  })
})
