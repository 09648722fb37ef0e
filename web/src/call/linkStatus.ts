/**
 * @module What a tile says about its connection. `RTCPeerConnectionState` alone cannot tell a first
 * connection from a repair: during an ICE restart a connection that worked goes back to
 * `connecting`, and the viewer should read that as interrupted, not as someone still joining.
 */

export type LinkStatus = 'connecting' | 'connected' | 'interrupted' | 'closed'

export function linkStatus(state: RTCPeerConnectionState, everConnected: boolean): LinkStatus {
  switch (state) {
    case 'connected':
      return 'connected'
    case 'closed':
      return 'closed'
    case 'disconnected':
    case 'failed':
      return 'interrupted'
    case 'new':
    case 'connecting':
      return everConnected ? 'interrupted' : 'connecting'
  }
}
