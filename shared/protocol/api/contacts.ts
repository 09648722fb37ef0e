/**
 * @module `/api/contacts`: finding people, asking to be contacts, accepting, blocking, and whether
 * each contact is online, in a call or offline.
 */
import { array, object, oneOf, string, type Infer } from '../../schema'
import { userCardSchema } from './profile'
import { presenceStatusSchema } from './presence'

export const MIN_SEARCH_CHARS = 2
export const MAX_SEARCH_CHARS = 100
export const MAX_SEARCH_RESULTS = 20

/** My side of a relationship; `none` only appears in search results. */
export const contactStateSchema = oneOf(['outgoing', 'incoming', 'accepted', 'blocked', 'none'] as const)
export type ContactState = Infer<typeof contactStateSchema>

export const contactSchema = object({
  user: userCardSchema,
  state: contactStateSchema,
  /** `offline` for anyone but an accepted contact: presence is shared only between contacts. */
  presence: presenceStatusSchema,
})
export type Contact = Infer<typeof contactSchema>

export const contactListSchema = object({ contacts: array(contactSchema, { max: 10_000 }) })
export type ContactList = Infer<typeof contactListSchema>

/**
 * What any search may hold: control characters never belong in a name, an email or a chat, and a
 * NUL would end the text SQLite matches on (so the search matched everything).
 */
export const SEARCH_TEXT_PATTERN = /^[^\p{Cc}]+$/u
export const searchQuerySchema = string({ min: MIN_SEARCH_CHARS, max: MAX_SEARCH_CHARS, pattern: SEARCH_TEXT_PATTERN })
export const searchResultsSchema = object({
  results: array(object({ user: userCardSchema, state: contactStateSchema }), { max: MAX_SEARCH_RESULTS }),
})
export type SearchResults = Infer<typeof searchResultsSchema>

/** Answer to each contact action: my side of the relationship afterwards. */
export const contactStateResponseSchema = object({ state: contactStateSchema })
export type ContactStateResponse = Infer<typeof contactStateResponseSchema>
