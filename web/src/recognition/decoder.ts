/**
 * @module Scores per frame → caption events. Runs the fingerspelling decoder, the sign decoder or
 * both, and gives each caption a stable id: interim updates of one caption share it, and its final
 * replaces them. Pure; times are in the frames' clock (the worker maps them to epoch ms).
 */
import type { CaptionEvent } from '../../../shared/protocol/captions'
import { makeLetterDecoder, type HandMotion, type LetterCaption, type LetterDecoderOptions, type TopLabel } from './letterDecoder'
import type { CaptionMode } from './messages'
import { makeSpellingOrSign } from './spellingOrSign'
import { makeWordDecoder, type WindowScores, type WordCaption, type WordDecoderOptions } from './wordDecoder'

export type DecoderFrame = {
  t: number
  hand: HandMotion | null
  /** Letter model scores, or null when no letter model runs. */
  letters: TopLabel[] | null
  /** Word model scores per window, or null when no word model runs. */
  windows: WindowScores[] | null
}

export type DecodedCaption = Omit<CaptionEvent, 'v'>

export type DecoderOptions = {
  mode: CaptionMode
  /** Makes ids unique across decoders (restarts, peers): letters, digits, `_` and `-` only. */
  idPrefix: string
  letter?: Partial<LetterDecoderOptions>
  word?: Partial<WordDecoderOptions>
}

export type Decoder = {
  push(frame: DecoderFrame): DecodedCaption[]
  /** Ends every caption in progress: the final of each, or the withdrawal of an interim. */
  flush(): DecodedCaption[]
  setMode(mode: CaptionMode): DecodedCaption[]
}

export function makeDecoder(opts: DecoderOptions): Decoder {
  let mode = opts.mode
  const letters = makeLetterDecoder(opts.letter)
  const words = makeWordDecoder(opts.word)
  const oneReading = makeSpellingOrSign()
  let lastT = 0
  const decided = (events: DecodedCaption[]) => (mode === 'both' ? oneReading(events, lastT, words.signedUntil()) : events)
  const toEvent = (c: LetterCaption | WordCaption): DecodedCaption => ({
    id: `${opts.idPrefix}-${c.kind === 'letter' ? 'l' : 'w'}${c.word}`,
    text: c.text,
    kind: c.kind,
    confidence: Math.min(1, Math.max(0, c.confidence)),
    tStart: c.tStart,
    tEnd: Math.max(c.tStart, c.tEnd),
    final: c.final,
  })

  return {
    push(frame) {
      lastT = frame.t
      const out: (LetterCaption | WordCaption)[] = []
      if (mode !== 'words' && frame.letters) out.push(...letters.push({ t: frame.t, hand: frame.hand, letters: frame.letters }))
      if (mode !== 'letters' && frame.windows) out.push(...words.push({ t: frame.t, windows: frame.windows }))
      return decided(out.map(toEvent))
    },
    flush: () => decided([...words.flush(), ...letters.flush()].map(toEvent)),
    setMode(next) {
      const out = [...(next === 'words' ? letters.flush() : []), ...(next === 'letters' ? words.flush() : [])]
      mode = next
      return out.map(toEvent)
    },
  }
}
