/**
 * @module Reads the mails the log mailer wrote (auth/mail.ts), the way a developer reads them in
 * `wrangler dev` output: the real mailer runs; the test only listens to the log.
 */
import { onTestFinished, vi } from 'vitest'
import { MAIL_LOG_PREFIX, type Mail } from '../src/auth/mail'

/** Call inside a test: it listens until that test finishes. */
export function mailbox() {
  const mails: Mail[] = []
  const original = console.log
  const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    if (args[0] === MAIL_LOG_PREFIX && typeof args[1] === 'string') mails.push(JSON.parse(args[1]) as Mail)
    else original(...args)
  })
  onTestFinished(() => spy.mockRestore())
  return {
    mails,
    /** The `token` query parameter of the link in the last mail to `to`. */
    lastToken(to: string): string {
      const mail = mails.filter((m) => m.to === to).at(-1)
      if (!mail) throw new Error(`no mail to ${to}`)
      const link = /https?:\/\/\S+/.exec(mail.text)?.[0]
      const token = link ? new URL(link).searchParams.get('token') : null
      if (!token) throw new Error(`mail to ${to} has no link with a token:\n${mail.text}`)
      return token
    },
  }
}
