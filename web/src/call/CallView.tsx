/**
 * @module The call itself: everyone's tiles (pinned ones large, or whoever is signing), the
 * controls, the chat and the captions. The call's state lives in `createCall` and its captions'
 * in `createCallCaptions`; pins and panel visibility are this viewer's own and stay here.
 */
import { createEffect, createMemo, createSignal, For, Match, Show, Switch } from 'solid-js'
import { createCallRecord } from '../account/createCallRecord'
import { CaptionControls } from '../captions/CaptionControls'
import { CaptionOverlay } from '../captions/CaptionOverlay'
import { CaptionPanel } from '../captions/CaptionPanel'
import { createCallCaptions, type CallCaptions } from '../captions/createCallCaptions'
import { CAPTION_CHANNEL } from '../captions/makeCaptionChannels'
import { stagePins } from '../captions/pickSpotlight'
import { SignCaptionsStatus } from '../captions/SignCaptionsStatus'
import { TypeToCaption } from '../captions/TypeToCaption'
import { useSession } from '../account/session'
import { createElementSize } from '../ui/createElementSize'
import { pageTitle } from '../ui/pageTitle'
import { CallControls } from './CallControls'
import { ChatPanel } from './ChatPanel'
import { createCall, type CallOptions } from './createCall'
import type { LocalMediaSignals } from './createLocalMedia'
import { describeCallError } from './describeCallError'
import { ErrorPage } from './ErrorPage'
import { bestGrid, layoutTiles, togglePin } from './layoutTiles'
import { SELF_TILE, Tile } from './Tile'

/** Wide enough for tiles and chat side by side; narrower screens open chat over the tiles. */
const SIDE_BY_SIDE_QUERY = '(min-width: 60rem)'
/** The stage's CSS gap (call.css `.stage`), which the grid choice has to leave room for. */
const STAGE_GAP_PX = 12

export function CallView(props: { roomId: string; name: string; local: LocalMediaSignals; warm: CallOptions['warm']; onLeave: () => void }) {
  pageTitle('In call')
  const myAvatarUrl = useSession().me()?.profile.avatarUrl ?? undefined
  // The call and its captions need each other. The call may announce our state while it is being
  // created (a socket the pre-join screen already opened), before the captions exist: captions are
  // off then. A signal, so that whatever reads it before then still sees them arrive.
  const [captions, setCaptions] = createSignal<CallCaptions>()
  const call = createCall({
    roomId: props.roomId,
    name: props.name,
    avatarUrl: myAvatarUrl,
    local: props.local,
    warm: props.warm,
    captionsOn: () => captions()?.sign.enabled() ?? false,
    onCaption: (from, event) => captions()?.feed.receiveFromSocket(from, event),
    channels: [CAPTION_CHANNEL],
    onChannel: (peerId, label, channel) => {
      if (label === CAPTION_CHANNEL.label) captions()?.feed.addChannel(peerId, channel)
    },
  })
  const callCaptions = createCallCaptions({
    callId: props.roomId,
    selfName: props.name,
    peers: () => call.state.peers,
    sendViaSocket: (event, to) => call.sendCaption(event, to),
    videoTrack: props.local.videoTrack,
    profile: useSession().me()?.profile ?? null,
  })
  setCaptions(callCaptions)
  const [captionsPanelOpen, setCaptionsPanelOpen] = createSignal(false)
  // Signed in: the call and the chat I send go into my history (issue #7).
  createCallRecord({ roomId: props.roomId, name: props.name, chat: () => call.state.chat, selfId: () => call.state.selfId })
  const [pins, setPins] = createSignal<string[]>([])
  const [chatOpen, setChatOpen] = createSignal(window.matchMedia(SIDE_BY_SIDE_QUERY).matches)
  const [seenChat, setSeenChat] = createSignal(0)

  const selfStream = createMemo(() => {
    const track = props.local.videoTrack()
    return track ? new MediaStream([track]) : null
  })
  const peersInOrder = createMemo(() => Object.values(call.state.peers).sort((a, b) => a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : 1)))
  // The viewer's pins win; without any, whoever is signing takes the stage (issue #5).
  const onStage = () => stagePins(pins(), callCaptions.settings().autoSpotlight, callCaptions.spotlight().spotlight)
  const layout = createMemo(() => layoutTiles([SELF_TILE, ...peersInOrder().map((p) => p.id)], onStage()))
  const stage = createElementSize()
  const grid = createMemo(() => bestGrid(layout().stage.length, stage.size().widthPx, stage.size().heightPx, STAGE_GAP_PX))
  const unread = () => (chatOpen() ? 0 : Math.max(0, call.state.chat.length - seenChat()))

  // A call that cannot go on (full, or taken over by another tab) releases the camera at once.
  createEffect(() => {
    if (call.state.fatal) props.local.media.stop()
  })

  const leave = () => {
    call.leave()
    props.onLeave()
  }
  const toggleChat = () => {
    setSeenChat(call.state.chat.length)
    setChatOpen((o) => !o)
  }

  const tile = (id: string, size: 'large' | 'small') =>
    id === SELF_TILE ? (
      <Tile
        id={SELF_TILE}
        name={`${props.name} (you)`}
        avatarUrl={myAvatarUrl}
        stream={selfStream()}
        state={{ audio: props.local.micOn(), video: props.local.cameraOn(), captions: false }}
        size={size}
        pinned={pins().includes(SELF_TILE)}
        onPin={() => setPins((p) => togglePin(p, SELF_TILE))}
      />
    ) : (
      <Show when={call.state.peers[id]}>
        {(peer) => (
          <Tile
            id={id}
            name={peer().name}
            avatarUrl={peer().avatarUrl}
            stream={call.media[id]?.stream ?? null}
            link={call.media[id]?.status ?? 'connecting'}
            state={peer().state}
            quality={call.quality[id]}
            size={size}
            pinned={pins().includes(id)}
            onPin={() => setPins((p) => togglePin(p, id))}
            signing={callCaptions.spotlight().signing.includes(id)}
          />
        )}
      </Show>
    )

  return (
    <Show when={!call.state.fatal} fallback={<ErrorPage error={call.state.fatal!} onRetry={() => location.reload()} />}>
      <div class="call" classList={{ 'chat-open': chatOpen(), 'captions-open': captionsPanelOpen() }}>
        <h1 class="visually-hidden">Call with {peersInOrder().length === 0 ? 'nobody yet' : peersInOrder().map((p) => p.name).join(', ')}</h1>
        <div class="call-status" role="status">
          <Switch>
            <Match when={call.status() === 'connecting'}>Joining the call…</Match>
            <Match when={call.status() === 'reconnecting'}>Connection to the call lost. Reconnecting… Video between you and others may continue.</Match>
            <Match when={call.status() === 'open' && peersInOrder().length === 0}>You are the only one here. Share the link to invite others.</Match>
          </Switch>
        </div>
        <For each={call.state.notices}>
          {(n, i) => (
            <div class="alert warning notice" role="alert">
              <p>
                <strong>{describeCallError(n).title}.</strong> {describeCallError(n).detail}
              </p>
              <button type="button" class="button small" onClick={() => call.dismissNotice(i())}>
                Dismiss
              </button>
            </div>
          )}
        </For>
        <div class="call-body">
          <section class="tiles" aria-label="People in the call" classList={{ 'has-pins': layout().strip.length > 0 }}>
            <ul class="stage" ref={stage.ref} style={{ '--columns': grid().columns, '--rows': grid().rows }}>
              <For each={layout().stage}>{(id) => <li>{tile(id, 'large')}</li>}</For>
            </ul>
            <Show when={layout().strip.length > 0}>
              <ul class="strip" aria-label="Others">
                <For each={layout().strip}>{(id) => <li>{tile(id, 'small')}</li>}</For>
              </ul>
            </Show>
            <CaptionOverlay entries={callCaptions.entries()} nowMs={callCaptions.nowMs()} settings={callCaptions.settings()} />
          </section>
          <Show when={chatOpen()}>
            <ChatPanel messages={call.state.chat} selfId={call.state.selfId} onSend={call.sendChat} onClose={toggleChat} />
          </Show>
          <Show when={captionsPanelOpen()}>
            <CaptionPanel
              entries={callCaptions.entries()}
              originMs={callCaptions.originMs()}
              settings={callCaptions.settings()}
              voices={callCaptions.speech.voices()}
              speechAvailable={callCaptions.speech.available}
              historyError={callCaptions.history.error()}
              onSettings={callCaptions.updateSettings}
              onCorrect={(entry, meant) => void callCaptions.correct(entry, meant)}
              onClose={() => setCaptionsPanelOpen(false)}
            />
          </Show>
        </div>
        <div class="caption-bar">
          <SignCaptionsStatus sign={callCaptions.sign} cameraOn={props.local.cameraOn()} />
          <TypeToCaption onType={callCaptions.type} onSubmit={callCaptions.submitTyped} />
        </div>
        <CallControls local={props.local} chatOpen={chatOpen()} unread={unread()} onToggleChat={toggleChat} onLeave={leave} onError={(e) => call.notify(e)}>
          <CaptionControls
            signing={callCaptions.sign.enabled()}
            onToggleSigning={() => void (callCaptions.sign.enabled() ? callCaptions.sign.stop() : callCaptions.sign.start())}
            visible={callCaptions.settings().visible}
            onToggleVisible={() => callCaptions.updateSettings({ visible: !callCaptions.settings().visible })}
            panelOpen={captionsPanelOpen()}
            onTogglePanel={() => setCaptionsPanelOpen((o) => !o)}
          />
        </CallControls>
        <p class="visually-hidden" role="status" aria-live="polite">
          {call.state.announcement}
        </p>
      </div>
    </Show>
  )
}
