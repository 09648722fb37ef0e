/** @module An account error as an alert the screen reader announces as it appears. */
import { Show } from 'solid-js'
import { describeAccountError, type AccountError } from './errors'

export function FormError(props: { error: AccountError | null }) {
  return (
    <Show when={props.error}>
      {(e) => (
        <div class="alert error" role="alert">
          <p class="alert-title">{describeAccountError(e()).title}</p>
          <p>{describeAccountError(e()).detail}</p>
        </div>
      )}
    </Show>
  )
}
