/**
 * @module `/call/:id`: checks the link, then walks through pre-join → call → left. The camera
 * opened for the preview is the one the call sends, so joining does not ask for it twice.
 */
import { useParams } from '@solidjs/router'
import { createEffect, createSignal, Match, onCleanup, Show, Switch } from 'solid-js'
import { isId } from '../../../shared/protocol/ids'
import { prefetchIceServers, type IceServersFetch } from './api'
import { CallView } from './CallView'
import { socketUrl } from './createCall'
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
  const [step, setStep] = createSignal<{ at: 'prejoin' } | { at: 'call'; name: string } | { at: 'left' }>({ at: 'prejoin' })
  // While the user looks at the preview and types a name, the socket and the ICE servers get ready.
  let warm: { socket: Preconnected; iceServers: IceServersFetch } | null = null
  createEffect(() => {
    if (step().at !== 'prejoin') return
    const ready = { socket: preconnect(socketUrl(props.roomId)), iceServers: prefetchIceServers() }
    warm = ready
    onCleanup(() => ready.socket.close())
  })
  const take = () => (warm ? { socket: warm.socket.take(), iceServers: warm.iceServers } : undefined)
  const leave = () => {
    local.media.stop()
    setStep({ at: 'left' })
  }
  return (
    <Switch>
      <Match when={step().at === 'prejoin'}>
        <Prejoin local={local} onJoin={(name) => setStep({ at: 'call', name })} />
      </Match>
      <Match when={step().at === 'call' && (step() as { name: string }).name} keyed>
        {(name) => <CallView roomId={props.roomId} name={name} local={local} warm={take()} onLeave={leave} />}
      </Match>
      <Match when={step().at === 'left'}>
        <LeftCall onRejoin={() => setStep({ at: 'prejoin' })} />
      </Match>
    </Switch>
  )
}
