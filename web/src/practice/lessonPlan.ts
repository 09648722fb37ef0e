/**
 * @module Everything a lesson needs before the camera starts: its title, its items, the models to
 * load and what the decoder should caption. Pure. `focus` narrows a lesson to one sign (the
 * glossary's "Practise this sign").
 */
import type { CaptionMode } from '../recognition/messages'
import { signItem, spellingItems, type LessonId, type PracticeItem } from './lessons'
import type { Catalog } from './loadCatalog'
import { weakestSigns, type SignProgress } from './progress'
import { customSign, signsOfModels, type PracticeSign } from './signs'

export const LESSON_IDS: readonly LessonId[] = ['alphabet', 'spelling', 'signs', 'custom', 'review']

export const LESSON_TITLES: Record<LessonId, string> = {
  alphabet: 'The alphabet',
  spelling: 'Fingerspelled words',
  signs: 'Signs',
  custom: 'Your own signs',
  review: 'Review your weakest signs',
}

export type LessonPlan = { id: LessonId; title: string; items: PracticeItem[]; models: string[]; captionMode: CaptionMode }

/** Signs reviewed at a time. */
export const REVIEW_SIZE = 8

export const isLessonId = (s: string): s is LessonId => (LESSON_IDS as readonly string[]).includes(s)

export function lessonPlan(
  id: LessonId,
  catalog: Catalog,
  customSigns: readonly { id: string; name: string }[],
  progress: ReadonlyMap<string, SignProgress>,
  focus?: string,
): LessonPlan {
  const letters = catalog.letters ? signsOfModels([catalog.letters]) : []
  const words = catalog.words ? signsOfModels([catalog.words]) : []
  const custom = customSigns.map((s) => customSign(s.id, s.name))
  const letterModel = catalog.letters ? [catalog.letters.id] : []
  const wordModel = catalog.words ? [catalog.words.id] : []
  const plan = (items: PracticeItem[], models: string[], captionMode: CaptionMode): LessonPlan => ({
    id,
    title: LESSON_TITLES[id],
    items: focus ? items.filter((i) => (i.kind === 'sign' ? i.sign.label : i.kind === 'spell' ? i.word : '') === focus) : items,
    models,
    captionMode,
  })
  switch (id) {
    case 'alphabet':
      return plan(letters.map(signItem), letterModel, 'letters')
    case 'spelling':
      return plan(spellingItems(letters), letterModel, 'letters')
    case 'signs':
      return plan(words.map(signItem), wordModel, 'words')
    case 'custom':
      return plan(custom.map(signItem), [], 'words')
    case 'review': {
      const all = new Map<string, PracticeSign>([...letters, ...words, ...custom].map((s) => [s.key, s]))
      const weakest = weakestSigns([...progress.values()], REVIEW_SIZE).flatMap((p) => (all.has(p.key) ? [signItem(all.get(p.key)!)] : []))
      const kinds = new Set(weakest.map((i) => (i.kind === 'sign' ? i.sign.kind : 'letter')))
      const models = [...(kinds.has('letter') ? letterModel : []), ...(kinds.has('word') ? wordModel : [])]
      return plan(weakest, models, kinds.has('letter') && kinds.has('word') ? 'both' : kinds.has('letter') ? 'letters' : 'words')
    }
  }
}
