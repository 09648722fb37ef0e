/** @module An axe-core scan of the page as it stands, keeping what blocks people: serious and critical violations. */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export type Violation = { id: string; impact: string; targets: string[] }

export async function seriousViolations(page: Page): Promise<Violation[]> {
  // Evaluated over the DevTools protocol, so the app's Content-Security-Policy (no inline scripts) stays on.
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    type AxeResult = { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResult> } }).axe
    const { violations } = await axe.run(document, { resultTypes: ['violations'] })
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact!, targets: v.nodes.map((n) => n.target.join(' ')) }))
  })
}
