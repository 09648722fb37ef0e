/**
 * @module Lessons and what to practise next. Pure: a lesson is a list of items; `nextItem` picks
 * from the learner's progress, deterministically, so the same progress always gives the same prompt.
 *
 * Sequencing: a few new items at a time (the working set) are practised until known, weakest
 * first and never the same item twice in a row; then the next new item comes in. Once every item
 * is known, the one practised longest ago comes back (spaced review).
 */
import { KNOWN_MASTERY, mastery, type SignProgress } from './progress'
import { signKey, type PracticeSign } from './signs'

export type LessonId = 'alphabet' | 'spelling' | 'signs' | 'custom' | 'review'

export type PracticeItem =
  | { kind: 'sign'; key: string; sign: PracticeSign }
  /** Fingerspell a word, letter by letter; each letter is one of the letter model's signs. */
  | { kind: 'spell'; key: string; word: string; letters: PracticeSign[] }

/** Unknown items practised side by side before a new one is introduced. */
export const WORKING_SET = 4

/**
 * Short, common words to fingerspell, easiest first: few letters, no double letters, none of the
 * moving letters J and Z until later.
 */
export const SPELLING_WORDS = [
  'HI', 'NO', 'YES', 'CAT', 'DOG', 'MOM', 'DAD', 'BUS', 'CAR', 'TEA',
  'MILK', 'BOOK', 'HELP', 'NAME', 'DEAF', 'SIGN', 'FOOD', 'HOME', 'WORK', 'FISH',
  'WATER', 'HAPPY', 'HELLO', 'THANKS', 'FRIEND', 'SCHOOL', 'PIZZA', 'JUICE', 'JAZZ', 'QUIZ',
] as const

export const signItem = (sign: PracticeSign): PracticeItem => ({ kind: 'sign', key: sign.key, sign })

/** Words whose every letter the letter model knows, as spelling items. */
export function spellingItems(letters: readonly PracticeSign[], words: readonly string[] = SPELLING_WORDS): PracticeItem[] {
  const byLabel = new Map(letters.map((l) => [l.label, l]))
  return words.flatMap((word) => {
    const seq = [...word].map((c) => byLabel.get(c))
    return seq.every((s) => s) ? [{ kind: 'spell' as const, key: signKey('spell', word), word, letters: seq as PracticeSign[] }] : []
  })
}

export function nextItem(items: readonly PracticeItem[], progress: ReadonlyMap<string, SignProgress>, lastKey: string | null): PracticeItem | null {
  if (items.length === 0) return null
  if (items.length === 1) return items[0]!
  const known = (i: PracticeItem) => mastery(progress.get(i.key)) >= KNOWN_MASTERY
  const unknown = items.filter((i) => !known(i))
  // The working set: unknown items already started, topped up with new ones in lesson order.
  const started = unknown.filter((i) => progress.has(i.key))
  const fresh = unknown.filter((i) => !progress.has(i.key))
  const working = [...started, ...fresh].slice(0, WORKING_SET)
  const pool = (working.length > 0 ? working : [...items]).filter((i) => i.key !== lastKey)
  const candidates = pool.length > 0 ? pool : [...items]
  const order = new Map(items.map((i, n) => [i.key, n]))
  const last = (i: PracticeItem) => progress.get(i.key)?.lastAttemptAt ?? -1
  return [...candidates].sort((a, b) => {
    if (working.length === 0) return last(a) - last(b) || order.get(a.key)! - order.get(b.key)!
    return mastery(progress.get(a.key)) - mastery(progress.get(b.key)) || last(a) - last(b) || order.get(a.key)! - order.get(b.key)!
  })[0]!
}
