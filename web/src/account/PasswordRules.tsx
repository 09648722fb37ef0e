/** @module The password rules, each shown met or not as the user types (in words, not only colour). */
import { For } from 'solid-js'
import { passwordProblems, type PasswordProblem } from '../../../shared/protocol/api/auth'

const RULES: [Exclude<PasswordProblem, 'too-long'>, string][] = [
  ['too-short', 'At least 8 characters'],
  ['no-upper', 'An upper-case letter'],
  ['no-lower', 'A lower-case letter'],
  ['no-digit', 'A digit'],
  ['no-symbol', 'A symbol, such as ! or -'],
]

export function PasswordRules(props: { id: string; password: string }) {
  const problems = () => new Set(passwordProblems(props.password))
  return (
    <ul id={props.id} class="rules">
      <For each={RULES}>
        {([problem, text]) => (
          <li classList={{ met: !problems().has(problem) }}>
            {text}
            <span class="visually-hidden">{problems().has(problem) ? ': not yet' : ': done'}</span>
          </li>
        )}
      </For>
    </ul>
  )
}
