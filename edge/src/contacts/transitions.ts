/**
 * @module What each contact action does to the two rows of a relationship. Pure: it takes my row's
 * state and theirs and returns the new pair, so every rule is tested without a database.
 */
import { err, ok, type Result } from '../../../shared/result'

export type RowState = 'outgoing' | 'incoming' | 'accepted' | 'blocked'
/** `mine` is my view of them; `theirs` is their view of me; null is no row. */
export type Pair = { mine: RowState | null; theirs: RowState | null }
export type ContactAction = 'request' | 'accept' | 'remove' | 'block' | 'unblock'
export type TransitionProblem = { problem: 'not-found' | 'conflict'; message: string }

const same = (pair: Pair) => ok(pair)
const notFound = (message: string) => err<TransitionProblem>({ problem: 'not-found', message })
const conflict = (message: string) => err<TransitionProblem>({ problem: 'conflict', message })

export function transition(pair: Pair, action: ContactAction): Result<Pair, TransitionProblem> {
  const { mine, theirs } = pair
  // Once they block me I see nothing of them: to me they are as good as not there.
  const theyBlockedMe = theirs === 'blocked'
  switch (action) {
    case 'request':
      if (theyBlockedMe) return notFound('No such user.')
      if (mine === 'blocked') return conflict('Unblock them before asking.')
      if (mine === 'accepted' || mine === 'outgoing') return same(pair)
      // They asked me already: asking back is accepting.
      if (mine === 'incoming') return ok({ mine: 'accepted', theirs: 'accepted' })
      return ok({ mine: 'outgoing', theirs: 'incoming' })
    case 'accept':
      if (mine === 'accepted') return same(pair)
      if (mine !== 'incoming') return notFound('They have not asked to be your contact.')
      return ok({ mine: 'accepted', theirs: 'accepted' })
    case 'remove':
      if (mine === 'blocked') return conflict('Unblock them instead.')
      if (mine === null) return notFound('They are not in your contacts.')
      return ok({ mine: null, theirs: theyBlockedMe ? 'blocked' : null })
    case 'block':
      return ok({ mine: 'blocked', theirs: theyBlockedMe ? 'blocked' : null })
    case 'unblock':
      if (mine !== 'blocked') return notFound('You have not blocked them.')
      return ok({ mine: null, theirs })
  }
}
