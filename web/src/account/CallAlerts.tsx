/**
 * @module Rings, in and out, over whatever page is open. An incoming call is shown, never only
 * heard: a banner that flashes (once a second, under the three-a-second limit of WCAG 2.3.1;
 * steady and bold for people who ask for reduced motion), the tab title, and vibration where the
 * device has it. Accepting or declining answers the hub; accepting opens `/call/<id>`, and the
 * caller's app opens the same call when it hears the answer.
 */
import { useNavigate } from '@solidjs/router'
import { createEffect, createSignal, For, onCleanup, Show } from 'solid-js'
import { Avatar } from './Avatar'
import { describeAccountError } from './errors'
import { useSession, type IncomingRing } from './session'
import './account.css'

/** On 0.6 s, off 0.4 s: a rhythm felt as a call rather than a notification buzz. */
const VIBRATION_PATTERN_MS = [600, 400, 600, 400, 600, 1400]
const VIBRATION_CYCLE_MS = VIBRATION_PATTERN_MS.reduce((a, b) => a + b, 0)

export function CallAlerts() {
  const session = useSession()
  const navigate = useNavigate()
  // The callee accepted a call I placed: open it, as the callee's app does.
  createEffect(() => {
    const call = session.outgoing()
    if (call?.status === 'accepted' && call.callId) {
      session.clearOutgoing()
      navigate(`/call/${call.callId}`)
    }
  })
  return (
    <>
      <For each={session.incoming()}>{(ring) => <IncomingCallBanner ring={ring} />}</For>
      <Show when={session.outgoing()}>{(call) => <OutgoingCallPanel call={call()} />}</Show>
    </>
  )
}

function IncomingCallBanner(props: { ring: IncomingRing }) {
  const session = useSession()
  const navigate = useNavigate()
  const [busy, setBusy] = createSignal(false)
  const [problem, setProblem] = createSignal<string | null>(null)
  let acceptButton!: HTMLButtonElement
  const titleBefore = document.title

  // An incoming call takes focus, as a ringing phone takes attention.
  createEffect(() => acceptButton.focus())
  const vibrate = () => navigator.vibrate?.(VIBRATION_PATTERN_MS)
  vibrate()
  const buzz = setInterval(vibrate, VIBRATION_CYCLE_MS)
  let flip = false
  const titleTimer = setInterval(() => {
    flip = !flip
    document.title = flip ? `📞 ${props.ring.from.displayName} is calling` : titleBefore
  }, 1_000)
  const expire = setTimeout(() => session.dismissRing(props.ring.callId), Math.max(0, props.ring.expiresAtMs - Date.now()))
  onCleanup(() => {
    clearInterval(buzz)
    clearInterval(titleTimer)
    clearTimeout(expire)
    navigator.vibrate?.(0)
    document.title = titleBefore
  })

  async function answer(accept: boolean) {
    setBusy(true)
    const r = await session.client.request(`/api/ring/${props.ring.callId}/answer`, { json: { accept } })
    setBusy(false)
    if (!r.ok) {
      setProblem(r.error.code === 'ring-over' ? 'This call has already ended.' : describeAccountError(r.error).detail)
      setTimeout(() => session.dismissRing(props.ring.callId), 4_000)
      return
    }
    session.dismissRing(props.ring.callId)
    if (accept) navigate(`/call/${props.ring.callId}`)
  }

  const titleId = `ring-${props.ring.callId}`
  return (
    <div class="ring-banner" role="alertdialog" aria-labelledby={titleId} aria-describedby={`${titleId}-detail`}>
      <Avatar user={props.ring.from} size={56} />
      <div class="ring-text">
        <p id={titleId} class="ring-title">
          {props.ring.from.displayName} is calling you
        </p>
        <p id={`${titleId}-detail`} class="ring-detail">
          {problem() ?? 'Video call. Accept to join it now.'}
        </p>
      </div>
      <div class="actions">
        <button ref={acceptButton} type="button" class="button primary large" disabled={busy()} onClick={() => answer(true)}>
          Accept
        </button>
        <button type="button" class="button danger large" disabled={busy()} onClick={() => answer(false)}>
          Decline
        </button>
      </div>
    </div>
  )
}

const OUTGOING_TEXT = {
  placing: 'Calling…',
  ringing: 'Ringing… their screen is flashing.',
  unavailable: 'They do not have SilentTalk open right now. They will see a missed call.',
  accepted: 'They accepted. Opening the call…',
  declined: 'They declined the call.',
  missed: 'No answer.',
  cancelled: 'Call cancelled.',
  failed: 'The call could not be placed.',
} as const

function OutgoingCallPanel(props: { call: NonNullable<ReturnType<ReturnType<typeof useSession>['outgoing']>> }) {
  const session = useSession()
  const ringing = () => props.call.status === 'placing' || props.call.status === 'ringing'
  return (
    <div class="ring-banner outgoing" role="status" aria-live="polite">
      <Avatar user={props.call.to} size={56} />
      <div class="ring-text">
        <p class="ring-title">{props.call.to.displayName}</p>
        <p class="ring-detail">
          {props.call.status === 'failed' && props.call.error ? describeAccountError(props.call.error).detail : OUTGOING_TEXT[props.call.status]}
        </p>
      </div>
      <div class="actions">
        <Show
          when={ringing()}
          fallback={
            <button type="button" class="button large" onClick={() => session.clearOutgoing()}>
              Close
            </button>
          }
        >
          <button type="button" class="button danger large" onClick={() => void session.cancelCall()}>
            Hang up
          </button>
        </Show>
      </div>
    </div>
  )
}
