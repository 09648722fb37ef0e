/** @module A call that cannot go ahead (a bad link, a full room): what happened, and where to go next. */
import { A } from '@solidjs/router'
import { pageTitle } from '../ui/pageTitle'
import { describeCallError } from './describeCallError'
import type { CallError } from './errors'

export function ErrorPage(props: { error: CallError; onRetry?: () => void }) {
  const text = () => describeCallError(props.error)
  pageTitle(text().title)
  return (
    <section class="page narrow" aria-labelledby="call-error-title">
      <h1 id="call-error-title">{text().title}</h1>
      <p>{text().detail}</p>
      <div class="actions">
        {props.onRetry && (
          <button type="button" class="button primary" onClick={() => props.onRetry?.()}>
            Try again
          </button>
        )}
        <A class={props.onRetry ? 'button' : 'button primary'} href="/">
          Start a new call
        </A>
      </div>
    </section>
  )
}
