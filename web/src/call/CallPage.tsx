/**
 * @module `/call/:id`: checks the link, then walks through pre-join → call → left. The camera
 * opened for the preview is the one the call sends, so joining does not ask for it twice.
 */
import { useParams } from '@solidjs/router'
import { createEffect, createSignal, Match, on, onCleanup, Show, Switch } from 'solid-js'
import { isId } from '../../../shared/protocol/ids'
import { focusMain } from '../ui/focusMain'
import { prefetchIceServers, type IceServersFetch } from './api'
import { CallView } from './CallView'
import { socketUrl, type CallOptions } from './createCall'
import { createLocalMedia } from './createLocalMedia'
import { ErrorPage } from './ErrorPage'
import { CallError } from './errors'
import { LeftCall } from './LeftCall'
import { preconnect, type Preconnected } from './makeSignalling'
import { Prejoin } from './Prejoin'
import './call.css'

export default function CallPage() {
  const params = useParams<{ id: string }>()
  return (
    <Show when={isId(params.id) && params.id} keyed fallback={<ErrorPage error={CallError.invalidLink(params.id)} />}>
      {(id) => <CallFlow roomId={id} />}
    </Show>
  )
}

function CallFlow(props: { roomId: string }) {
  const local = createLocalMedia()
  type Step = { at: 'prejoin' } | { at: 'call'; name: string; warm: CallOptions['warm'] } | { at: 'left' }
  const [step, setStep] = createSignal<Step>({ at: 'prejoin' })
  // While the user looks at the preview and types a name, the socket and the ICE servers get ready.
  let warm: { socket: Preconnected; iceServers: IceServersFetch } | null = null
  createEffect(() => {
    if (step().at !== 'prejoin') return
    const ready = { socket: preconnect(socketUrl(props.roomId)), iceServers: prefetchIceServers() }
    warm = ready
    onCleanup(() => ready.socket.close())
  })
  // Taken in the click handler, before the step changes: the effect's cleanup then finds it taken.
  const join = (name: string) => setStep({ at: 'call', name, warm: warm ? { socket: warm.socket.take(), iceServers: warm.iceServers } : undefined })
  const leave = () => {
    local.media.stop()
    setStep({ at: 'left' })
  }
  createEffect(on(() => step().at, focusMain, { defer: true }))
  const inCall = () => {
    const s = step()
    return s.at === 'call' ? s : null
  }
  return (
    <Switch>
      <Match when={step().at === 'prejoin'}>
        <Prejoin local={local} onJoin={join} />
      </Match>
      <Match when={inCall()} keyed>
        {(s) => <CallView roomId={props.roomId} name={s.name} local={local} warm={s.warm} onLeave={leave} />}
      </Match>
      <Match when={step().at === 'left'}>
        <LeftCall onRejoin={() => setStep({ at: 'prejoin' })} />
      </Match>
    </Switch>
  )
}
