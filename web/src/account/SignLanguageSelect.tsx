/** @module A choice of sign language, by the name each community uses. */
import { For } from 'solid-js'
import { SIGN_LANGUAGES, type SignLanguage } from '../../../shared/protocol/api/profile'

export function SignLanguageSelect(props: { id: string; name?: string; value: SignLanguage; onChange?: (v: SignLanguage) => void }) {
  return (
    <select id={props.id} name={props.name} value={props.value} onChange={(e) => props.onChange?.(e.currentTarget.value as SignLanguage)}>
      <For each={Object.entries(SIGN_LANGUAGES)}>{([code, label]) => <option value={code}>{label}</option>}</For>
    </select>
  )
}
