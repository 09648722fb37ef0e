/** @module good / fair / poor, with the numbers behind it in the accessible name and tooltip. */
import { describeQuality, type Quality } from './gradeQuality'

const LABEL = { good: 'Good', fair: 'Fair', poor: 'Poor', unknown: '…' } as const
const BARS = { good: 3, fair: 2, poor: 1, unknown: 0 } as const

export function QualityBadge(props: { quality: Quality }) {
  const text = () => describeQuality(props.quality)
  return (
    <span class={`quality ${props.quality.grade}`} role="img" aria-label={text()} title={text()}>
      <span class="bars" aria-hidden="true">
        {[1, 2, 3].map((n) => (
          <span class="bar" classList={{ lit: n <= BARS[props.quality.grade] }} />
        ))}
      </span>
      <span aria-hidden="true">{LABEL[props.quality.grade]}</span>
    </span>
  )
}
