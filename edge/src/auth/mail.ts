import { ACCOUNT_LINK_PATHS } from '../../../shared/protocol/api/auth'

/**
 * @module Outgoing mail for verification and reset links. `Mailer` is the seam where a provider
 * plugs in; the only implementation today writes each mail to the log, which is what local runs
 * and tests read (a real provider is a deployment choice: issue #7 gaps).
 */

export type Mail = { to: string; subject: string; text: string }

export interface Mailer {
  send(mail: Mail): Promise<void>
}

/** Prefix of the log line, so a reader (or a test) can find mails among other output. */
export const MAIL_LOG_PREFIX = '[mail]'

export function makeLogMailer(): Mailer {
  return {
    async send(mail) {
      console.log(MAIL_LOG_PREFIX, JSON.stringify(mail))
    },
  }
}

/** A link into the web app on the origin the request came to. */
export const accountLink = (requestUrl: string, path: string, token: string) => `${new URL(requestUrl).origin}${path}?token=${token}`

export async function sendVerificationMail(requestUrl: string, to: string, token: string): Promise<void> {
  await makeLogMailer().send({
    to,
    subject: 'Confirm your SilentTalk email',
    text: `Open this link to confirm your email address (valid for 24 hours):\n${accountLink(requestUrl, ACCOUNT_LINK_PATHS.verifyEmail, token)}`,
  })
}
