/**
 * @module Scores of a classifier on held-out data: accuracy, per-class precision and recall, the
 * confusion matrix, and accuracy per person (the figure that says whether a model works for someone
 * it has never seen).
 */

export type Scored = { truth: number; predicted: number; person: string }

export type ClassScore = { label: string; support: number; precision: number; recall: number }

export type Report = {
  labels: string[]
  total: number
  accuracy: number
  /** confusion[truth][predicted] */
  confusion: number[][]
  classes: ClassScore[]
  people: { person: string; total: number; accuracy: number }[]
}

export function scoreReport(labels: string[], results: Scored[]): Report {
  const n = labels.length
  const confusion = labels.map(() => new Array<number>(n).fill(0))
  const people = new Map<string, { total: number; right: number }>()
  let right = 0
  for (const r of results) {
    confusion[r.truth]![r.predicted]!++
    const p = people.get(r.person) ?? { total: 0, right: 0 }
    p.total++
    if (r.truth === r.predicted) {
      p.right++
      right++
    }
    people.set(r.person, p)
  }
  const classes = labels.map((label, c) => {
    const support = confusion[c]!.reduce((a, b) => a + b, 0)
    const predicted = confusion.reduce((a, row) => a + row[c]!, 0)
    const tp = confusion[c]![c]!
    return { label, support, precision: predicted ? tp / predicted : NaN, recall: support ? tp / support : NaN }
  })
  return {
    labels,
    total: results.length,
    accuracy: results.length ? right / results.length : NaN,
    confusion,
    classes,
    people: [...people]
      .map(([person, p]) => ({ person, total: p.total, accuracy: p.right / p.total }))
      .sort((a, b) => a.person.localeCompare(b.person)),
  }
}

const pct = (v: number) => (Number.isNaN(v) ? '   –  ' : `${(100 * v).toFixed(1).padStart(5)}%`)

/** The report as the text `npm run eval` prints: overall, per person, per class. */
export function formatReport(r: Report, title: string): string {
  const lines = [`${title}: ${pct(r.accuracy).trim()} top-1 on ${r.total} samples`, '', 'per person:']
  for (const p of r.people) lines.push(`  ${p.person.padEnd(60)} ${pct(p.accuracy)}  (${p.total})`)
  lines.push('', 'per class:        precision  recall  support')
  for (const c of r.classes) {
    if (c.support === 0 && Number.isNaN(c.precision)) continue
    lines.push(`  ${c.label.padEnd(14)}  ${pct(c.precision)}  ${pct(c.recall)}  ${String(c.support).padStart(6)}`)
  }
  return lines.join('\n')
}

/** Index of the largest value in each row of `probs` ([rows, classes]). */
export function argmaxRows(probs: Float32Array, classes: number): number[] {
  const out: number[] = []
  for (let r = 0; r * classes < probs.length; r++) {
    let best = 0
    for (let c = 1; c < classes; c++) if (probs[r * classes + c]! > probs[r * classes + best]!) best = c
    out.push(best)
  }
  return out
}

/** The report as markdown tables (per person, per class), for the model card's companion file. */
export function reportMarkdown(r: Report, title: string): string {
  const pctMd = (v: number) => (Number.isNaN(v) ? '–' : `${(100 * v).toFixed(1)}%`)
  const lines = [`### ${title}`, '', `**${pctMd(r.accuracy)}** top-1 on ${r.total} samples.`, '', '| person | accuracy | samples |', '|---|---:|---:|']
  for (const p of r.people) lines.push(`| ${p.person} | ${pctMd(p.accuracy)} | ${p.total} |`)
  lines.push('', '| class | precision | recall | support |', '|---|---:|---:|---:|')
  for (const c of r.classes) if (c.support > 0 || !Number.isNaN(c.precision)) lines.push(`| ${c.label} | ${pctMd(c.precision)} | ${pctMd(c.recall)} | ${c.support} |`)
  return lines.join('\n')
}
