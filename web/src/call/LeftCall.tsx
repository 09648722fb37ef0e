/** @module After leaving: a clear end, with a way back in and a way home. */
import { A } from '@solidjs/router'
import { pageTitle } from '../ui/pageTitle'

export function LeftCall(props: { onRejoin: () => void }) {
  pageTitle('You left the call')
  return (
    <section class="page narrow" aria-labelledby="left-title">
      <h1 id="left-title">You left the call</h1>
      <p>Your camera and microphone are off. The call goes on for anyone still in it.</p>
      <div class="actions">
        <button type="button" class="button primary" onClick={() => props.onRejoin()}>
          Rejoin
        </button>
        <A class="button" href="/">
          Start a new call
        </A>
      </div>
    </section>
  )
}
