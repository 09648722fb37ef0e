/** @module The start page: what SilentTalk is, and the button that starts a call. */
import { StartCall } from '../call/StartCall'
import { pageTitle } from '../ui/pageTitle'

export default function HomePage() {
  pageTitle(null)
  return (
    <section class="page narrow home" aria-labelledby="home-title">
      <h1 id="home-title">Talk with anyone, in sign or in text</h1>
      <p class="lede">
        Start a video call, send the link, and talk. No install and no account. Signs are recognised on your own device and shown
        as captions for everyone.
      </p>
      <StartCall />
    </section>
  )
}
