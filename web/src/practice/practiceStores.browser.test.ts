import { expect } from '@esm-bundle/chai'
import { createRoot } from 'solid-js'
import type { FrameObservation } from '../../../shared/features/observation'
import type { CaptionEvent } from '../../../shared/protocol/captions'
import { createCustomSignCaptions } from './customSigns/createCustomSignCaptions'
import { CUSTOM_SIGNS_CHANNEL, makeCustomSignStore } from './customSigns/customSignStore'
import { PracticeError } from './errors'
import { loadReferenceSigns } from './glossary/loadReferenceSigns'
import { makePracticeDbConnection, PRACTICE_DB } from './practiceDb'
import { makeProgressStore } from './progressStore'

/** A take of a reference sign recorded at another pace (same movement, other timing). */
const atPace = (frames: FrameObservation[], pace: number) => frames.map((f) => ({ ...f, t: f.t * pace }))
const rest = (fromMs: number, ms: number): FrameObservation[] => Array.from({ length: Math.round(ms / 33) }, (_, i) => ({ t: fromMs + i * 33, hands: [], aspect: 16 / 9 }))

async function freshDb() {
  await new Promise<void>((resolve, reject) => {
    const r = indexedDB.deleteDatabase(PRACTICE_DB)
    r.onsuccess = () => resolve()
    r.onerror = () => reject(r.error)
  })
  return makePracticeDbConnection()
}

const until = async (check: () => boolean, ms = 5_000) => {
  const end = performance.now() + ms
  while (!check()) {
    if (performance.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('practice progress in IndexedDB', () => {
  it('keeps attempts and reads them back after the page reopens the database', async () => {
    const conn = await freshDb()
    await makeProgressStore(conn.db).record([{ key: 'asl-letters:B', correct: true }, { key: 'asl-letters:B', correct: false }])
    conn.close()
    const again = makePracticeDbConnection()
    const all = await makeProgressStore(again.db).all()
    expect(all.get('asl-letters:B')).to.include({ attempts: 2, correct: 1, streak: 0, bestStreak: 1 })
    again.close()
  })

  it('exports progress and imports it on another device', async () => {
    const conn = await freshDb()
    await makeProgressStore(conn.db).record([{ key: 'asl-words:hello', correct: true }])
    const text = await makeProgressStore(conn.db).exportText()
    conn.close()
    const other = await freshDb()
    const store = makeProgressStore(other.db)
    expect(await store.importText(text)).to.equal(1)
    expect((await store.all()).get('asl-words:hello')).to.include({ attempts: 1, correct: 1 })
    other.close()
  })

  it('refuses a damaged file and changes nothing', async () => {
    const conn = await freshDb()
    const store = makeProgressStore(conn.db)
    await store.record([{ key: 'asl-letters:A', correct: true }])
    const good = JSON.parse(await store.exportText())
    good.signs.push({ ...good.signs[0], key: 'asl-letters:C', correct: 5 })
    let error: unknown
    try {
      await store.importText(JSON.stringify(good))
    } catch (e) {
      error = e
    }
    expect(error).to.be.instanceOf(PracticeError)
    expect((error as PracticeError).reason).to.equal('file-invalid')
    expect([...(await store.all()).keys()]).to.deep.equal(['asl-letters:A'])
    conn.close()
  })
})

describe('custom signs in IndexedDB', () => {
  it('saves, renames, exports, imports and deletes, announcing every change', async () => {
    const refs = await loadReferenceSigns()
    const conn = await freshDb()
    const store = makeCustomSignStore(conn.db)
    const heard: unknown[] = []
    const channel = new BroadcastChannel(CUSTOM_SIGNS_CHANNEL)
    channel.onmessage = (e) => heard.push(e.data)

    const j = refs.get('J')!.frames
    const saved = await store.add('  my   dog ', [j, atPace(j, 1.2), atPace(j, 0.9)])
    expect(saved.name).to.equal('my dog')
    await store.rename(saved.id, 'our dog')
    expect((await store.list()).map((s) => s.name)).to.deep.equal(['our dog'])

    const text = await store.exportText()
    expect(await store.importText(text)).to.deep.equal(['our dog (2)'])
    const list = await store.list()
    expect(list).to.have.length(2)
    expect(list[1]!.takes[0]!.length).to.equal(j.length)

    await store.remove(saved.id)
    expect((await store.list()).map((s) => s.name)).to.deep.equal(['our dog (2)'])
    await until(() => heard.length >= 4)
    channel.close()
    conn.close()
  })

  it('calibrates each sign against the reference signs it must not be confused with', async () => {
    const refs = await loadReferenceSigns()
    const conn = await freshDb()
    const store = makeCustomSignStore(conn.db)
    const hello = refs.get('hello')!.frames
    await store.add('wave', [hello, atPace(hello, 1.15), atPace(hello, 0.9)])
    const [template] = await store.templates()
    // HELLO itself is a reference sign: a custom sign made the same way cannot be told from it.
    expect(template!.calibration.nearestOther).to.be.lessThan(0.05)
    expect(template!.threshold).to.be.lessThan(0.05)
    conn.close()
  })
})

/** Real webcam takes by other people than the reference signs (MIT; shared/features/fixtures/ATTRIBUTION.md). */
async function webcamTake(label: string): Promise<FrameObservation[]> {
  const file = (await (await fetch(new URL('../../../shared/features/fixtures/mit-observations.json', import.meta.url))).json()) as { signs: { label: string; frames: FrameObservation[] }[] }
  const take = file.signs.find((s) => s.label === label)
  if (!take) throw new Error(`no ${label} take in mit-observations.json`)
  return take.frames
}

describe('custom signs as captions (calls)', () => {
  it('captions a custom sign when it is made, and picks up a sign taught in another tab', async () => {
    const conn = await freshDb()
    const store = makeCustomSignStore(conn.db)
    // A webcam THANK YOU, not the glossary's take of it: taught as the user's own sign.
    const z = await webcamTake('thankyou')
    await store.add('big thanks', [z, atPace(z, 1.15), atPace(z, 0.9)])

    const captions: CaptionEvent[] = []
    await createRoot(async (dispose) => {
      const custom = createCustomSignCaptions({ onCaption: (e) => captions.push(e), timeOriginMs: 1_000_000 })
      await until(() => custom.names().length === 1)
      const stream = [...rest(0, 500), ...atPace(z, 1.05).map((f) => ({ ...f, t: 500 + f.t })), ...rest(500 + z.at(-1)!.t * 1.05 + 33, 700)]
      for (const f of stream) custom.push(f)
      expect(captions.map((c) => [c.text, c.kind, c.final])).to.deep.equal([['big thanks', 'word', true]])
      expect(captions[0]!.tStart).to.be.greaterThan(1_000_000)

      const yes = await webcamTake('yes')
      await store.add('yes please', [yes, atPace(yes, 1.2), atPace(yes, 0.85)])
      await until(() => custom.names().length === 2)
      dispose()
    })
    conn.close()
  })
})
