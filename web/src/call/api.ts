/** @module The two HTTP calls a call needs: create a room, and get ICE servers (STUN/TURN) to reach peers. */
import { createdRoomSchema, turnResponseSchema, type TurnResponse } from '../../../shared/protocol/api/rooms'
import { err, ok, type Result } from '../../../shared/result'
import { CallError } from './errors'

/** Reads `{ error: { message } }` from a failed response, or says what the status was. */
async function failureMessage(res: Response): Promise<string> {
  try {
    const body: unknown = await res.json()
    const message = (body as { error?: { message?: unknown } } | null)?.error?.message
    if (typeof message === 'string') return message
  } catch {
    // Not JSON (a proxy's HTML error page, say): fall through to the status text.
  }
  return res.statusText || `HTTP ${res.status}`
}

export async function createRoom(): Promise<Result<{ id: string }, CallError>> {
  let res: Response
  try {
    res = await fetch('/api/rooms', { method: 'POST', headers: { accept: 'application/json' } })
  } catch (e) {
    return err(CallError.offline(e))
  }
  if (!res.ok) return err(CallError.createFailed(res.status, await failureMessage(res)))
  let body: unknown
  try {
    body = await res.json()
  } catch {
    return err(CallError.createFailed(res.status, 'the reply was not JSON'))
  }
  const parsed = createdRoomSchema.parse(body)
  return parsed.ok ? ok(parsed.value) : err(CallError.createFailed(res.status, `${parsed.error.path} ${parsed.error.message}`))
}

export async function fetchIceServers(): Promise<Result<TurnResponse, CallError>> {
  try {
    const res = await fetch('/api/turn', { headers: { accept: 'application/json' } })
    if (!res.ok) return err(CallError.turnUnavailable(await failureMessage(res)))
    const parsed = turnResponseSchema.parse(await res.json())
    return parsed.ok ? ok(parsed.value) : err(CallError.turnUnavailable(parsed.error))
  } catch (e) {
    return err(CallError.turnUnavailable(e))
  }
}

/** ICE servers asked for at `atMs`: started on the pre-join screen, used when the call starts. */
export type IceServersFetch = { atMs: number; result: Promise<Result<TurnResponse, CallError>> }

export const prefetchIceServers = (): IceServersFetch => ({ atMs: Date.now(), result: fetchIceServers() })
