/** @module Any path the router does not know. */
import { A } from '@solidjs/router'
import { pageTitle } from '../ui/pageTitle'

export default function NotFoundPage() {
  pageTitle('Page not found')
  return (
    <section class="page narrow" aria-labelledby="nf-title">
      <h1 id="nf-title">This page does not exist</h1>
      <p>Check the address, or start a new call.</p>
      <A class="button primary" href="/">
        Go to the start page
      </A>
    </section>
  )
}
