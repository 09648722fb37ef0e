/**
 * @module One room socket's state, kept in its attachment so it survives hibernation, and the
 * safe ways to write to a socket that may already be closing.
 */
import type { SocketErrorCode } from '../../../shared/protocol/errors'
import type { Peer, ServerMessage } from '../../../shared/protocol/signalling'

export type SocketState =
  /** Open, `join` not received yet. */
  | { phase: 'pending'; lastFrameAtMs: number }
  | { phase: 'joined'; peer: Peer; tokenHash: string; lastFrameAtMs: number }
  /** The room has let go of it (left, replaced, evicted, refused); its close event means nothing. */
  | { phase: 'closing' }

export type JoinedSocket = { ws: WebSocket; state: Extract<SocketState, { phase: 'joined' }> }

export function readSocket(ws: WebSocket): SocketState {
  return (ws.deserializeAttachment() as SocketState | null) ?? { phase: 'closing' }
}

export function writeSocket(ws: WebSocket, state: SocketState): void {
  ws.serializeAttachment(state)
}

/** False when the socket is already closed; a dead socket is the sweep's business, not an error. */
export function sendFrame(ws: WebSocket, frame: ServerMessage): boolean {
  try {
    ws.send(JSON.stringify(frame))
    return true
  } catch {
    return false
  }
}

const MAX_ERROR_MESSAGE_CHARS = 500

export function sendError(ws: WebSocket, code: SocketErrorCode, message: string): void {
  sendFrame(ws, { type: 'error', code, message: message.slice(0, MAX_ERROR_MESSAGE_CHARS) })
}

/**
 * Closing a socket whose peer already closed it throws in workerd; that socket is gone either
 * way, so it is not an error for the room.
 */
export function closeSocket(ws: WebSocket, code: number, reason: string): void {
  writeSocket(ws, { phase: 'closing' })
  try {
    ws.close(code, reason)
  } catch {
    // Already closed.
  }
}
