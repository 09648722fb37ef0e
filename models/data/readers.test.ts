/**
 * Readers against the real sets in ../shared/data (never committed). Without that folder these
 * tests fail with DataMissingError's message saying where the data must be, never pass silently.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import fixtures from '../../shared/features/fixtures/mit-observations.json'
import { sharedDataPath } from './dataRoot'
import { readKaggleIndex, readKaggleParquet } from './kaggleParquet'
import { CROP_TEMPLATE_ASPECT, readLetterCsv, WEBCAM_ASPECT } from './letterCsv'
import { cropTemplateFiles, readLetterDir, readManyPeople } from './letterSets'
import { readPhotoLandmarks } from './photoLandmarks'
import { readSequenceNpz } from './sequenceNpz'
import { readSignDir } from './signSets'
import { sequenceFrames } from './types'

const letters = (rel: string) => sharedDataPath(`letters/${rel}`)
const sequences = (rel: string) => sharedDataPath(`sequences/${rel}`)

describe('letter readers', () => {
  it('reads boris: 10,508 raw frames of one person, every letter A–Z', () => {
    const s = readLetterCsv(letters('boris-asl-alphabet/landmarks.csv'), { person: 'boris' })
    expect(s).toHaveLength(10_508)
    expect(new Set(s.map((x) => x.label)).size).toBe(26)
    expect(new Set(s.map((x) => x.person))).toEqual(new Set(['boris']))
    const wrist = s[0]!.hand.landmarks[0]!
    expect(wrist.x).toBeGreaterThan(0.3)
    expect(wrist.x).toBeLessThan(1)
  })

  it('reads nejohnson2: 1,022 wrist-relative frames, 25 letters (no Q)', () => {
    const s = readLetterCsv(letters('nejohnson2-asl-alphabet/landmarks.csv'))
    expect(s).toHaveLength(1_022)
    expect(s.some((x) => x.label === 'Q')).toBe(false)
    expect(s.every((x) => x.hand.landmarks[0]!.x === 0 && x.hand.landmarks[0]!.y === 0)).toBe(true)
  })

  it('reads the many-people files per person, 2-D files in square units and crop-template files at 300:360', () => {
    const s = readManyPeople(letters('many-people'))
    expect(s).toHaveLength(30_663)
    expect(new Set(s.map((x) => x.person)).size).toBe(18)
    const crop = cropTemplateFiles(letters('many-people/SOURCES.tsv'))
    expect(crop.size).toBe(7)
    expect(crop.has('Aditi-T27__ASL_Sign_Language_Recongntion.csv')).toBe(true)
    expect(s.find((x) => x.person.includes('Aditi-T27'))!.aspect).toBe(CROP_TEMPLATE_ASPECT)
    expect(s.find((x) => x.person.includes('armstrongterry87'))!.aspect).toBe(WEBCAM_ASPECT)
    const flat = s.find((x) => x.person.includes('BoiPlex'))!
    expect(flat.aspect).toBe(1)
    expect(flat.hand.landmarks.every((p) => p.z === 0 && Math.abs(p.x) <= 1 && Math.abs(p.y) <= 1)).toBe(true)
  })

  it('reads a directory of letter CSVs for eval --data', () => {
    const s = readLetterDir(letters('nejohnson2-asl-alphabet'))
    expect(s).toHaveLength(1_022)
    expect(s[0]!.person).toBe('nejohnson2-asl-alphabet')
  })

  it('reads photo landmarks from tools/landmarks.ts output, skipping non-letters and photos with no hand', () => {
    const dir = mkdtempSync(join(tmpdir(), 'photos-'))
    const file = join(dir, 'landmarks.json')
    const a = fixtures.letters[0]!.observation
    writeFileSync(
      file,
      JSON.stringify({
        source: 'photos',
        items: [
          { path: 'A/A1.jpg', label: 'A', observation: a },
          { path: 'nothing/n1.jpg', label: 'nothing', observation: a },
          { path: 'B/B1.jpg', label: 'B', observation: { ...a, hands: [] } },
        ],
      }),
    )
    const s = readPhotoLandmarks(file)
    expect(s.map((x) => x.label)).toEqual(['A'])
    expect(s[0]!.aspect).toBe(a.aspect)
  })
})

describe('sequence readers', () => {
  it('reads a float16 webcam archive: right hand in slot 0, left in slot 1, NaN where not detected', () => {
    const s = readSequenceNpz(sequences('webcam-many-people/AkaDeepanshu__Sign-Language-Detection-System.npz'))
    expect(s).toHaveLength(180)
    expect(new Set(s.map((x) => x.label))).toEqual(new Set(['hello', 'iloveyou', 'no', 'please', 'thankyou', 'yes']))
    expect(s[0]!.person).toBe('github.com/AkaDeepanshu/Sign-Language-Detection-System')
    const frames = s.flatMap(sequenceFrames)
    expect(frames).toHaveLength(180 * 30)
    expect(frames.some((f) => f.hands.length === 0 || f.hands.length === 1)).toBe(true)
    for (const h of frames.flatMap((f) => f.hands)) {
      expect(h.landmarks.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true)
      // A hand's wrist z is MediaPipe's reference depth: ~0.
      expect(Math.abs(h.landmarks[0]!.z)).toBeLessThan(1e-3)
    }
  })

  it('reads the 4-people archives with the repository as the person', () => {
    const s = readSequenceNpz(sequences('webcam-4-people/AbtgCoder_hands_pose.npz'))
    expect(s).toHaveLength(90)
    expect(s[0]!.person).toBe('github.com/AbtgCoder')
  })

  it('reads samyabose, turning its all-zero hands into missing hands', () => {
    const s = readSequenceNpz(sequences('samyabose-45-classes/sequences.npz'))
    expect(s).toHaveLength(1_350)
    expect(new Set(s.map((x) => x.label)).size).toBe(45)
    const frames = s.flatMap(sequenceFrames)
    const left = frames.filter((f) => f.hands.some((h) => h.handedness === 'Left')).length
    expect(left / frames.length).toBeLessThan(0.1)
  })

  it('reads the Kaggle parquet exactly as the packed hands_pose.npz has it', async () => {
    const dir = sequences('kaggle-islr-hello-thankyou')
    const row = readKaggleIndex(dir).find((r) => r.participantId === '16069')!
    const fromParquet = await readKaggleParquet(join(dir, row.path))
    const packed = readSequenceNpz(join(dir, 'hands_pose.npz'))
    expect(packed).toHaveLength(574)
    const match = packed.filter((s) => s.person === 'kaggle-islr/16069' && s.timesMs.length === fromParquet.timesMs.length)
    const same = match.find((s) => s.hands.every((v, i) => (Number.isNaN(v) ? Number.isNaN(fromParquet.hands[i]!) : Math.abs(v - fromParquet.hands[i]!) < 1e-6)))
    expect(same).toBeDefined()
    expect(same!.label).toBe(row.sign)
  })

  it('reads a Kaggle-format directory for eval --data, counting sequences whose parquet is absent', async () => {
    const { sequences: seqs, notes } = await readSignDir(sequences('kaggle-islr-hello-thankyou'))
    expect(seqs.length).toBe(36)
    expect(new Set(seqs.map((s) => s.person))).toEqual(new Set(['kaggle-islr/16069']))
    expect(notes.join(' ')).toMatch(/538 sequences in train.csv have no parquet file/)
  })
})
