/**
 * @module The call's caption stream for the view: captions in (each peer's data channel, or the
 * room socket while that is not open), our own captions out the same way, and the one ordered
 * list everyone's captions live in. Also what viewers need for the spotlight: when each peer last
 * captioned and whether their hands are up.
 *
 * Late joiners: when a channel opens, we send that peer our own finals so far. Captions never
 * touch the server's storage (the room only relays the fallback frames), so the call's record
 * exists only on the devices in it; each signer resends what it made, and only that, because a
 * receiver attributes everything on a channel to that channel's peer and could not tell a relayed
 * caption from a forged one. What a signer who has already left said is therefore not resent.
 */
import { createSignal, onCleanup } from 'solid-js'
import { createStore, produce } from 'solid-js/store'
import { CAPTION_VERSION, type CaptionChannelMessage, type CaptionEvent } from '../../../shared/protocol/captions'
import type { Peer } from '../../../shared/protocol/signalling'
import { applyCaption, correctEntry, ownFinals, SELF, type CaptionChange, type CaptionEntry, type Sender } from './captionLog'
import { makeCaptionChannels } from './makeCaptionChannels'
import { planCaptionSend } from './planCaptionSend'

export type CaptionFeedOptions = {
  selfName: string
  peers: () => Readonly<Record<string, Peer>>
  /** Through the room, to one peer or (no `to`) to everyone else. */
  sendViaSocket: (event: CaptionEvent, to?: string) => void
  now?: () => number
}

export type PeerActivity = { handsUp: boolean; handsChangedAtMs: number; lastCaptionAtMs: number }

export type CaptionUpdate = { entry: CaptionEntry; change: CaptionChange; wasFinal: boolean; mine: boolean; atMs: number }

export function createCaptionFeed(opts: CaptionFeedOptions) {
  const now = opts.now ?? Date.now
  const [entries, setEntries] = createSignal<CaptionEntry[]>([])
  const [activity, setActivity] = createStore<Record<string, PeerActivity>>({})
  const listeners = new Set<(u: CaptionUpdate) => void>()
  let handsUp = false

  const touch = (peerId: string, patch: Partial<PeerActivity>) =>
    setActivity(produce((all) => void (all[peerId] = { ...(all[peerId] ?? { handsUp: false, handsChangedAtMs: 0, lastCaptionAtMs: -Infinity }), ...patch })))

  function apply(from: Sender, event: CaptionEvent): CaptionUpdate | null {
    const atMs = now()
    const before = entries()
    const held = before.find((e) => e.from === from.id && e.event.id === event.id)
    const { entries: after, change } = applyCaption(before, from, event, atMs)
    if (change === 'ignored') return null
    setEntries(after)
    const entry = after.find((e) => e.from === from.id && e.event.id === event.id) ?? { ...(held as CaptionEntry), event }
    const update: CaptionUpdate = { entry, change, wasFinal: held?.event.final ?? false, mine: from.id === SELF, atMs }
    for (const l of listeners) l(update)
    return update
  }

  function receive(peerId: string, event: CaptionEvent) {
    const name = opts.peers()[peerId]?.name ?? 'Someone'
    if (apply({ id: peerId, name }, event) && event.kind !== 'typed') touch(peerId, { lastCaptionAtMs: now() })
  }

  const channels = makeCaptionChannels({
    open(peerId) {
      // Ordered channel: the backlog arrives before anything said from now on.
      for (const event of ownFinals(entries())) channels.send(peerId, { type: 'caption', event })
      if (handsUp) channels.send(peerId, { type: 'hands', v: CAPTION_VERSION, up: true })
    },
    message(peerId, m) {
      if (m.type === 'caption') receive(peerId, m.event)
      else if ((activity[peerId]?.handsUp ?? false) !== m.up) touch(peerId, { handsUp: m.up, handsChangedAtMs: now() })
    },
    rejected(peerId, error) {
      console.warn(`captions: ignored a message from ${peerId} (${error.code}: ${error.message})`)
    },
  })
  onCleanup(channels.dispose)

  const others = () => Object.keys(opts.peers())

  function send(message: Extract<CaptionChannelMessage, { type: 'caption' }>) {
    const route = planCaptionSend(others(), channels.open())
    const failed = route.channel.filter((id) => !channels.send(id, message))
    if (route.socket === 'everyone') opts.sendViaSocket(message.event)
    else for (const id of [...route.socket, ...failed]) opts.sendViaSocket(message.event, id)
  }

  return {
    entries,
    activity,
    /** For createCall: a captions data channel made on a link to `peerId`. */
    addChannel(peerId: string, channel: RTCDataChannel) {
      channels.add(peerId, channel)
    },
    /** For createCall: a caption the room relayed from `peerId`. */
    receiveFromSocket: receive,
    /** Our own caption (recognised or typed): into our stream and out to everyone. */
    publish(event: CaptionEvent) {
      if (apply({ id: SELF, name: opts.selfName }, event)) send({ type: 'caption', event })
    },
    /** Our hands came into view or left it (data channels only: a hint, not worth the room's relay). */
    publishHands(up: boolean) {
      if (up === handsUp) return
      handsUp = up
      for (const id of channels.open()) channels.send(id, { type: 'hands', v: CAPTION_VERSION, up })
    },
    /** Marks a caption wrong. Our own is corrected for everyone (its final is sent again with the right text). */
    correct(key: string, text: string): CaptionEntry | null {
      const entry = entries().find((e) => e.key === key)
      if (!entry) return null
      setEntries((list) => correctEntry(list, key, text))
      if (entry.from === SELF) send({ type: 'caption', event: { ...entry.event, text, final: true } })
      return { ...entry, corrected: text }
    },
    forgetPeer(peerId: string) {
      channels.remove(peerId)
      setActivity(produce((all) => void delete all[peerId]))
    },
    listen(l: (u: CaptionUpdate) => void) {
      listeners.add(l)
      onCleanup(() => listeners.delete(l))
    },
  }
}

export type CaptionFeed = ReturnType<typeof createCaptionFeed>
