import { expect } from '@esm-bundle/chai'
import type { CaptionEvent } from '../../../shared/protocol/captions'
import { MODEL_INDEX_URL } from './assetPaths'
import { makeRecognizer } from './makeRecognizer'
import { makeModelStore } from './modelStore'
import { bitmapOf, clipFrames, PHOTOS, requireSharedData } from './testMedia'

type IndexedModel = { id: string; kind: 'letter' | 'word'; language: string }

async function committedModel(kind: 'letter' | 'word'): Promise<IndexedModel> {
  const { models } = (await (await fetch(MODEL_INDEX_URL)).json()) as { models: IndexedModel[] }
  const m = models.find((x) => x.kind === kind)
  if (!m) throw new Error(`no ${kind} model is committed under models/<id>/ (issue #4): nothing to test the engine with`)
  return m
}

/** The first photos of each letter in the set, in name order, in which the hand landmarker finds a hand (it finds none in O1116): no picking of easy ones. */
function firstPhoto(letter: string, nth = 0): string {
  const names: Record<string, string[]> = {
    H: ['H1025.jpg', 'H1119.jpg'],
    E: ['E1063.jpg', 'E1167.jpg'],
    L: ['L106.jpg', 'L1100.jpg'],
    O: ['O119.jpg'],
  }
  const name = names[letter]?.[nth]
  if (!name) throw new Error(`no photo listed for ${letter}`)
  return `${PHOTOS}/${letter}/${name}`
}

describe('the engine with the committed models', () => {
  before(requireSharedData)

  it('spells HELLO from real letter photos held in turn, with the double L, as one final caption', async () => {
    const model = await committedModel('letter')
    const captions: CaptionEvent[] = []
    const r = makeRecognizer({ models: [model.id], captionMode: 'letters', numHands: 2, store: makeModelStore(`t-${Math.random()}`), on: { caption: (c) => captions.push(c) } })
    try {
      const ready = await r.ready
      expect(ready.models.map((m) => m.id)).to.deep.equal([model.id])
      let t = 0
      const hold = async (url: string, ms: number) => {
        const photo = await bitmapOf(url)
        for (const end = t + ms; t < end; t += 66) await r.process(await createImageBitmap(photo), t)
      }
      await hold(`${PHOTOS}/nothing/nothing1001.jpg`, 500)
      let nthL = 0
      for (const letter of 'HELLO') await hold(firstPhoto(letter, letter === 'L' ? nthL++ : 0), 800)
      await hold(`${PHOTOS}/nothing/nothing1001.jpg`, 800)
      const finals = captions.filter((c) => c.final && c.text)
      expect(finals.map((c) => c.text)).to.deep.equal(['HELLO'])
      expect(finals[0]!.kind).to.equal('letter')
    } finally {
      r.dispose()
    }
  })

  it('recognises a real signed word (Start ASL "thank you") as a word caption', async () => {
    const model = await committedModel('word')
    const captions: CaptionEvent[] = []
    const r = makeRecognizer({ models: [model.id], captionMode: 'words', store: makeModelStore(`t-${Math.random()}`), on: { caption: (c) => captions.push(c) } })
    try {
      await r.ready
      for (const { frame, tMs } of await clipFrames('/shared-data/video/startasl-dev/words/thank-you.mp4', 0, 2.7, 15)) await r.process(frame, tMs)
      await r.flush()
      const words = captions.filter((c) => c.final && c.text).map((c) => c.text.replace(/\s+/g, ''))
      expect(words).to.include('thankyou')
    } finally {
      r.dispose()
    }
  })
})
