import { describe, expect, it } from 'vitest'
import type { FrameObservation } from '../../../shared/features/observation'
import { makeDecoder, type DecodedCaption, type DecoderFrame } from './decoder'
import signs from './fixtures/aslAppSigns.json'
import { handMotion } from './handMotion'
import type { HandMotion } from './letterDecoder'

const FPS = 30
const FRAME_MS = 1000 / FPS
const STILL: HandMotion = { wrist: { x: 0.8, y: 0.6 }, indexTip: { x: 0.8, y: 0.4 }, pinkyTip: { x: 0.85, y: 0.45 }, palm: 0.1 }

/** A scripted signer: holds letters, moves, drops the hand; each step appends frames at 30 fps. */
function script() {
  const frames: DecoderFrame[] = []
  let t = 0
  let wrist = { ...STILL.wrist }
  const at = (hand: HandMotion | null, letters: DecoderFrame['letters']) => {
    frames.push({ t, hand, letters, windows: null })
    t += FRAME_MS
  }
  const hand = (): HandMotion => ({ ...STILL, wrist: { ...wrist } })
  const s = {
    hold(label: string, ms: number, p = 0.9) {
      for (let k = 0; k < ms / FRAME_MS; k++) at(hand(), [{ label, p }, { label: 'other', p: 1 - p }])
      return s
    },
    /** The hand travels `palms` palm sizes sideways over `ms`, keeping the handshape `label`. */
    slide(label: string, palms: number, ms: number) {
      const n = Math.max(1, Math.round(ms / FRAME_MS))
      for (let k = 0; k < n; k++) {
        wrist = { x: wrist.x + (palms * STILL.palm) / n, y: wrist.y }
        at(hand(), [{ label, p: 0.9 }])
      }
      return s
    },
    /** Between letters the hand moves and the model is unsure. */
    transition(ms: number) {
      const n = Math.max(1, Math.round(ms / FRAME_MS))
      for (let k = 0; k < n; k++) {
        wrist = { x: wrist.x + (k % 2 ? 1 : -1) * 0.03, y: wrist.y }
        at(hand(), [{ label: 'X', p: 0.3 }])
      }
      return s
    },
    /** The hand is not detected for `ms` (blur of a quick move) and is found `palms` palm sizes away. */
    lost(ms: number, palms: number) {
      for (let k = 0; k < ms / FRAME_MS; k++) at(null, [])
      wrist = { x: wrist.x + palms * STILL.palm, y: wrist.y }
      return s
    },
    away(ms: number) {
      for (let k = 0; k < ms / FRAME_MS; k++) at(null, [])
      return s
    },
    frames,
  }
  return s
}

function decode(frames: DecoderFrame[], mode: 'letters' | 'words' | 'both' = 'letters') {
  const d = makeDecoder({ mode, idPrefix: 'test' })
  const events = frames.flatMap((f) => d.push(f))
  return [...events, ...d.flush()]
}
const finals = (events: DecodedCaption[]) => events.filter((e) => e.final).map((e) => e.text)

describe('fingerspelling decoder', () => {
  it('commits a letter held steadily and ends the word when the hand leaves', () => {
    const events = decode(script().hold('A', 600).away(600).frames)
    expect(finals(events)).toEqual(['A'])
    const final = events.find((e) => e.final)!
    expect(final.kind).toBe('letter')
    expect(final.tStart).toBeLessThan(100)
    expect(final.tEnd).toBeGreaterThan(500)
  })

  it('spells a word letter by letter, as interim updates of one caption', () => {
    const events = decode(script().hold('C', 500).transition(150).hold('A', 500).transition(150).hold('T', 500).away(500).frames)
    expect(events.filter((e) => !e.final).map((e) => e.text)).toEqual(['C', 'CA', 'CAT'])
    expect(finals(events)).toEqual(['CAT'])
    expect(new Set(events.map((e) => e.id)).size).toBe(1)
  })

  it('ignores a letter flashed for less than the minimum hold', () => {
    expect(finals(decode(script().hold('B', 500).transition(100).hold('Q', 100).transition(100).hold('B', 60).away(500).frames))).toEqual(['B'])
  })

  it('does not commit a letter below the confidence threshold', () => {
    expect(finals(decode(script().hold('K', 800, 0.35).away(500).frames))).toEqual([])
  })

  it('keeps one letter while it is held, however long, despite brief misreadings', () => {
    const s = script().hold('O', 400)
    for (let k = 0; k < 4; k++) s.hold('C', 60).hold('O', 300)
    expect(finals(decode(s.away(500).frames))).toEqual(['O'])
  })

  it('writes a double letter when the hand slides while holding it (the LL of HELLO)', () => {
    const s = script().hold('H', 450).transition(120).hold('E', 450).transition(120).hold('L', 450).slide('L', 0.6, 150).hold('L', 450)
    expect(finals(decode(s.transition(120).hold('O', 450).away(500).frames))).toEqual(['HELLO'])
  })

  it('writes a double letter when the hand jumps between two frames while holding it (low frame rate)', () => {
    const s = script().hold('L', 450).slide('L', 0.8, 30).hold('L', 450)
    expect(finals(decode(s.away(500).frames))).toEqual(['LL'])
  })

  it('writes a double letter when the hand is lost for a moment and found elsewhere, still holding it', () => {
    const s = script().hold('L', 450).lost(70, 0.8).hold('L', 450)
    expect(finals(decode(s.away(500).frames))).toEqual(['LL'])
  })

  it('keeps a single letter when the hand is lost for a moment and found where it was', () => {
    const s = script().hold('L', 450).lost(70, 0.05).hold('L', 450)
    expect(finals(decode(s.away(500).frames))).toEqual(['L'])
  })

  it('keeps a single letter when the old handshape lingers a frame or two after a jump to the next letter (a cut at a low frame rate)', () => {
    const s = script().hold('L', 450).slide('L', 2, 30).hold('L', 100).hold('E', 450)
    expect(finals(decode(s.away(500).frames))).toEqual(['LE'])
  })

  it('does not write the half-formed handshape of the first frames after a jump to the next letter', () => {
    const s = script().hold('L', 450).slide('L', 2, 30).hold('M', 160).hold('E', 450)
    expect(finals(decode(s.away(500).frames))).toEqual(['LE'])
  })

  it('keeps a single letter when detection drops out for most of the vote window and the hand is found where it was', () => {
    const s = script().hold('L', 450).lost(300, 0.05).hold('L', 450)
    expect(finals(decode(s.away(500).frames))).toEqual(['L'])
  })

  it('keeps a single letter through the small jitter of a still hand', () => {
    const s = script()
    for (let k = 0; k < 30; k++) s.slide('V', k % 2 ? 0.05 : -0.05, 30)
    expect(finals(decode(s.away(500).frames))).toEqual(['V'])
  })

  it('writes a double letter when the letter is released and made again', () => {
    expect(finals(decode(script().hold('S', 450).transition(300).hold('S', 450).away(500).frames))).toEqual(['SS'])
  })

  it('ends a word at a pause with the hand still up, and starts the next', () => {
    const events = decode(script().hold('N', 450).transition(120).hold('O', 2000).transition(200).hold('G', 450).transition(120).hold('O', 450).away(500).frames)
    expect(finals(events)).toEqual(['NO', 'GO'])
    const ids = events.filter((e) => e.final).map((e) => e.id)
    expect(ids[0]).not.toBe(ids[1])
  })

  it('ends a word when the hand leaves the view, then spells the next', () => {
    expect(finals(decode(script().hold('H', 450).transition(120).hold('I', 450).away(600).hold('U', 450).away(600).frames))).toEqual(['HI', 'U'])
  })

  it('ignores the model\'s "nothing" label', () => {
    const d = makeDecoder({ mode: 'letters', idPrefix: 'n', letter: { noSign: 'nothing' } })
    const events = script().hold('nothing', 1000).away(500).frames.flatMap((f) => d.push(f))
    expect(finals([...events, ...d.flush()])).toEqual([])
  })
})

/** Frames of a real recorded sign, labelled with the handshape a still-frame letter model would see. */
function recorded(name: keyof typeof signs, handshape: string, mirror = false): DecoderFrame[] {
  const frames = (signs[name] as { frames: FrameObservation[] }).frames
  return frames.map((f) => {
    const hand = f.hands[0]
    const h = hand && { ...hand, landmarks: hand.landmarks.map((p) => ({ ...p, x: mirror ? 1 - p.x : p.x })) }
    return { t: f.t, hand: h ? handMotion(h, f.aspect) : null, letters: h ? [{ label: handshape, p: 0.9 }] : [], windows: null }
  })
}

describe('moving letters, on recorded landmark sequences (ASL-App, MIT)', () => {
  it('reads J from an I handshape whose pinky draws the hook', () => {
    expect(finals(decode(recorded('j', 'I')))).toEqual(['J'])
  })

  it('reads Z from an index finger drawing the Z', () => {
    expect(finals(decode(recorded('z', 'D')))).toEqual(['Z'])
  })

  it('reads J and Z drawn by a left hand, or seen mirrored', () => {
    expect(finals(decode(recorded('j', 'I', true)))).toEqual(['J'])
    expect(finals(decode(recorded('z', 'D', true)))).toEqual(['Z'])
  })

  it('keeps a still I as I and a still D as D', () => {
    expect(finals(decode(recorded('i', 'I')))).toEqual(['I'])
    expect(finals(decode(recorded('d', 'D')))).toEqual(['D'])
  })

  it('does not turn other movement into J or Z (HELLO moves a flat hand away from the head)', () => {
    expect(finals(decode(recorded('hello', 'I'))).join('')).not.toMatch(/[JZ]/)
    expect(finals(decode(recorded('hello', 'D'))).join('')).not.toMatch(/[JZ]/)
  })

  it('needs the starting handshape: a Z path drawn with an A handshape is not a Z', () => {
    expect(finals(decode(recorded('z', 'A'))).join('')).not.toMatch(/[JZ]/)
  })
})

/** Word-model scores for a stretch of evaluations. */
function windows(frames: DecoderFrame[], t0: number, ms: number, scores: Record<string, number>) {
  const top = Object.entries(scores)
    .map(([label, p]) => ({ label, p }))
    .sort((a, b) => b.p - a.p)
  for (let t = t0; t < t0 + ms; t += FRAME_MS) frames.push({ t, hand: STILL, letters: null, windows: [{ windowMs: 1200, top }] })
  return t0 + ms
}

describe('sign decoder', () => {
  const noSign = { word: { noSign: 'none' } }

  it('commits a sign that the model scores highly across several windows', () => {
    const f: DecoderFrame[] = []
    let t = windows(f, 0, 600, { none: 0.9, hello: 0.1 })
    t = windows(f, t, 500, { hello: 0.95, none: 0.05 })
    windows(f, t, 800, { none: 0.9, hello: 0.1 })
    const d = makeDecoder({ mode: 'words', idPrefix: 'w', ...noSign })
    const events = [...f.flatMap((x) => d.push(x)), ...d.flush()]
    expect(finals(events)).toEqual(['hello'])
    const final = events.find((e) => e.final)!
    expect(final.kind).toBe('word')
    expect(final.tStart).toBeLessThanOrEqual(600)
    expect(final.tEnd).toBeGreaterThanOrEqual(600)
  })

  it('says nothing while "no sign" leads', () => {
    const f: DecoderFrame[] = []
    windows(f, 0, 3000, { none: 0.7, thankyou: 0.3 })
    const d = makeDecoder({ mode: 'words', idPrefix: 'w', ...noSign })
    expect([...f.flatMap((x) => d.push(x)), ...d.flush()]).toEqual([])
  })

  it('shows a likely sign as interim and withdraws it with an empty final when it fades', () => {
    const f: DecoderFrame[] = []
    const t = windows(f, 0, 300, { iloveyou: 0.65, none: 0.35 })
    windows(f, t, 800, { none: 0.9, iloveyou: 0.1 })
    const d = makeDecoder({ mode: 'words', idPrefix: 'w', ...noSign })
    const events = [...f.flatMap((x) => d.push(x)), ...d.flush()]
    expect(events.map((e) => [e.text, e.final])).toEqual([
      ['iloveyou', false],
      ['', true],
    ])
    expect(events[0]!.id).toBe(events[1]!.id)
  })

  it('commits one sign once, however long its windows keep scoring it', () => {
    const f: DecoderFrame[] = []
    windows(f, 0, 1500, { thankyou: 0.95, none: 0.05 })
    const d = makeDecoder({ mode: 'words', idPrefix: 'w', ...noSign })
    expect(finals([...f.flatMap((x) => d.push(x)), ...d.flush()])).toEqual(['thankyou'])
  })

  it('commits the same sign twice when it is signed twice with a rest between', () => {
    const f: DecoderFrame[] = []
    let t = windows(f, 0, 400, { yes: 0.95, none: 0.05 })
    t = windows(f, t, 500, { none: 0.95, yes: 0.05 })
    windows(f, t, 400, { yes: 0.95, none: 0.05 })
    const d = makeDecoder({ mode: 'words', idPrefix: 'w', ...noSign })
    expect(finals([...f.flatMap((x) => d.push(x)), ...d.flush()])).toEqual(['yes', 'yes'])
  })

  it('shows labels as words', () => {
    const f: DecoderFrame[] = []
    windows(f, 0, 400, { thank_you: 0.95, none: 0.05 })
    const d = makeDecoder({ mode: 'words', idPrefix: 'w', ...noSign })
    expect(finals([...f.flatMap((x) => d.push(x)), ...d.flush()])).toEqual(['thank you'])
  })
})

describe('both models at once', () => {
  const said = (events: DecodedCaption[]) => events.filter((e) => e.final && e.text).map((e) => e.text)
  const withWord = (frames: DecoderFrame[], from: number, to: number, label: string) =>
    frames.map((f) => ({ ...f, windows: [{ windowMs: 1200, top: f.t >= from && f.t < to ? [{ label, p: 0.97 }, { label: 'none', p: 0.03 }] : [{ label: 'none', p: 0.97 }] }] }))
  const both = (frames: DecoderFrame[]) => {
    const d = makeDecoder({ mode: 'both', idPrefix: 'b', word: { noSign: 'none' } })
    return [...frames.flatMap((f) => d.push(f)), ...d.flush()]
  }

  it('read a spelled word as spelling, not as a sign the word model glimpsed in it (N-O of HELLO as NO)', () => {
    const s = script().hold('H', 450).transition(120).hold('E', 450).transition(120).hold('L', 450).slide('L', 0.6, 150).hold('L', 450).transition(120).hold('O', 450).away(500)
    const events = both(withWord(s.frames, 1400, 2600, 'no'))
    expect(said(events)).toEqual(['HELLO'])
  })

  it('hold back a sign seen between two spelled letters, and drop it when the next letter comes', () => {
    const s = script().hold('A', 450).transition(120).hold('B', 450).transition(600).hold('L', 450).transition(120).hold('E', 450).away(500)
    const bEnd = s.frames.filter((f) => f.letters?.[0]?.label === 'B').at(-1)!.t
    const events = both(withWord(s.frames, bEnd + 100, bEnd + 500, 'hello'))
    expect(events.filter((e) => e.kind === 'word')).toEqual([])
    expect(said(events)).toEqual(['ABLE'])
  })

  it('read a sign as a sign, not as the lone letter its handshape looks like', () => {
    const s = script().transition(150).hold('B', 300).transition(900).away(600)
    // The word model is sure once its window holds the whole sign, the held handshape included.
    const events = both(withWord(s.frames, 900, 1500, 'hello'))
    expect(said(events)).toEqual(['hello'])
  })

  it('keep a sign made right after a spelled word', () => {
    const s = script().hold('C', 450).transition(120).hold('A', 450).transition(120).hold('B', 450).transition(1600).away(500)
    const end = s.frames.find((f) => f.letters?.[0]?.label === 'B')!.t + 450 + 300
    const events = both(withWord(s.frames, end, end + 900, 'thankyou'))
    expect(said(events).sort()).toEqual(['CAB', 'thankyou'])
  })
})

describe('caption events', () => {
  it('are valid caption events: ids from the prefix, confidence within 0..1, tEnd not before tStart', () => {
    const events = decode(script().hold('C', 500).transition(150).hold('A', 500).away(500).frames)
    for (const e of events) {
      expect(e.id).toMatch(/^test-[lw]\d+$/)
      expect(e.confidence).toBeGreaterThanOrEqual(0)
      expect(e.confidence).toBeLessThanOrEqual(1)
      expect(e.tEnd).toBeGreaterThanOrEqual(e.tStart)
    }
  })

  it('only decode letters in letters mode and words in words mode', () => {
    const f: DecoderFrame[] = script().hold('A', 600).frames.map((x) => ({ ...x, windows: [{ windowMs: 800, top: [{ label: 'hello', p: 0.99 }] }] }))
    expect(decode(f, 'letters').every((e) => e.kind === 'letter')).toBe(true)
    expect(decode(f, 'words').every((e) => e.kind === 'word')).toBe(true)
    expect(new Set(decode(f, 'both').map((e) => e.kind))).toEqual(new Set(['letter', 'word']))
  })
})
