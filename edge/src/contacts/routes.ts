/**
 * @module `/api/contacts`: the people a user knows, with their presence; search; and the actions
 * request, accept, remove, block and unblock. Both rows of a relationship change in one batch.
 */
import { and, asc, eq, or, sql } from 'drizzle-orm'
import { Hono } from 'hono'
import { normalizeEmail } from '../../../shared/protocol/api/auth'
import {
  MAX_SEARCH_RESULTS,
  searchQuerySchema,
  type Contact,
  type ContactStateResponse,
  type SearchResults,
} from '../../../shared/protocol/api/contacts'
import { isId } from '../../../shared/protocol/ids'
import { requireUser, type AuthEnv } from '../auth/requireUser'
import { users } from '../auth/tables'
import { makeDb, type Db } from '../db'
import type { Env } from '../env'
import { ApiError } from '../http/errors'
import { likePattern } from '../history/historyQuery'
import { hubOf } from '../presence/hubOf'
import { toUserCard } from '../profiles/profileView'
import { profiles } from '../profiles/tables'
import { contacts } from './tables'
import { transition, type ContactAction, type Pair, type RowState } from './transitions'

const ORDER: Record<RowState, number> = { incoming: 0, accepted: 1, outgoing: 2, blocked: 3 }

async function loadPair(db: Db, me: string, them: string): Promise<Pair> {
  const rows = await db
    .select()
    .from(contacts)
    .where(or(and(eq(contacts.ownerId, me), eq(contacts.otherId, them)), and(eq(contacts.ownerId, them), eq(contacts.otherId, me))))
    .all()
  return {
    mine: rows.find((r) => r.ownerId === me)?.state ?? null,
    theirs: rows.find((r) => r.ownerId === them)?.state ?? null,
  }
}

/** The writes that turn one row from `before` into `after`; none when it does not change. */
function rowWrites(db: Db, ownerId: string, otherId: string, before: RowState | null, after: RowState | null, nowMs: number) {
  if (before === after) return []
  if (after === null) return [db.delete(contacts).where(and(eq(contacts.ownerId, ownerId), eq(contacts.otherId, otherId)))]
  return [
    db
      .insert(contacts)
      .values({ ownerId, otherId, state: after, updatedAtMs: nowMs })
      .onConflictDoUpdate({ target: [contacts.ownerId, contacts.otherId], set: { state: after, updatedAtMs: nowMs } }),
  ]
}

async function act(env: Env, me: string, them: string, action: ContactAction): Promise<RowState | null> {
  if (!isId(them)) throw new ApiError(404, 'not-found', 'No such user.')
  if (them === me) throw new ApiError(400, 'bad-request', 'That is you.')
  const db = makeDb(env.DB)
  if (!(await db.select({ id: users.id }).from(users).where(eq(users.id, them)).get())) throw new ApiError(404, 'not-found', 'No such user.')
  const before = await loadPair(db, me, them)
  const r = transition(before, action)
  if (!r.ok) throw new ApiError(r.error.problem === 'not-found' ? 404 : 409, r.error.problem, r.error.message)
  const nowMs = Date.now()
  const writes = [...rowWrites(db, me, them, before.mine, r.value.mine, nowMs), ...rowWrites(db, them, me, before.theirs, r.value.theirs, nowMs)]
  const [first, ...rest] = writes
  if (first) {
    await db.batch([first, ...rest])
    await Promise.all([me, them].map((id) => hubOf(env, id).deliver({ type: 'contacts-changed' })))
  }
  return r.value.mine
}

const stateBody = (state: RowState | null): ContactStateResponse => ({ state: state ?? 'none' })

export const contactRoutes = new Hono<AuthEnv>()
  .use(requireUser)
  .get('/', async (c) => {
    const me = c.var.caller.userId
    const rows = await makeDb(c.env.DB)
      .select({ state: contacts.state, profile: profiles })
      .from(contacts)
      .innerJoin(profiles, eq(profiles.userId, contacts.otherId))
      .where(eq(contacts.ownerId, me))
      .orderBy(asc(profiles.displayName))
      .all()
    // Presence lives in each contact's hub, the one place that knows it now; asked in parallel.
    const list: Contact[] = await Promise.all(
      rows.map(async (r) => ({
        user: toUserCard(r.profile),
        state: r.state,
        presence: r.state === 'accepted' ? await hubOf(c.env, r.profile.userId).presence() : ('offline' as const),
      })),
    )
    list.sort((a, b) => ORDER[a.state as RowState] - ORDER[b.state as RowState])
    return c.json({ contacts: list })
  })

  .get('/search', async (c) => {
    const parsed = searchQuerySchema.parse((c.req.query('q') ?? '').trim())
    if (!parsed.ok) throw new ApiError(400, 'bad-request', `q ${parsed.error.message}`)
    const q = parsed.value
    const me = c.var.caller.userId
    const db = makeDb(c.env.DB)
    // By name, or by exact email: a partial email would let anyone harvest addresses.
    const rows = await db
      .select({ profile: profiles, state: contacts.state })
      .from(profiles)
      .innerJoin(users, eq(users.id, profiles.userId))
      .leftJoin(contacts, and(eq(contacts.ownerId, me), eq(contacts.otherId, profiles.userId)))
      .where(
        and(
          sql`${profiles.userId} <> ${me}`,
          or(sql`${profiles.displayName} LIKE ${likePattern(q)} ESCAPE '\\'`, eq(users.email, normalizeEmail(q))),
          sql`NOT EXISTS (SELECT 1 FROM ${contacts} b WHERE b.owner_id = ${profiles.userId} AND b.other_id = ${me} AND b.state = 'blocked')`,
        ),
      )
      .orderBy(asc(profiles.displayName))
      .limit(MAX_SEARCH_RESULTS)
      .all()
    const body: SearchResults = { results: rows.map((r) => ({ user: toUserCard(r.profile), state: r.state ?? 'none' })) }
    return c.json(body)
  })

  .post('/:userId/request', async (c) => c.json(stateBody(await act(c.env, c.var.caller.userId, c.req.param('userId'), 'request'))))
  .post('/:userId/accept', async (c) => c.json(stateBody(await act(c.env, c.var.caller.userId, c.req.param('userId'), 'accept'))))
  .delete('/:userId', async (c) => c.json(stateBody(await act(c.env, c.var.caller.userId, c.req.param('userId'), 'remove'))))
  .post('/:userId/block', async (c) => c.json(stateBody(await act(c.env, c.var.caller.userId, c.req.param('userId'), 'block'))))
  .post('/:userId/unblock', async (c) => c.json(stateBody(await act(c.env, c.var.caller.userId, c.req.param('userId'), 'unblock'))))
