import { describe, expect, it } from 'vitest'
import { DELEGATE_MEMORY_MS, delegateToUse } from './rememberDelegate'

describe('remembering the landmarker delegate', () => {
  const now = 1_800_000_000_000
  it('uses the delegate measured within the week', () => {
    expect(delegateToUse({ delegate: 'CPU', measuredAt: now - 1_000 }, now)).toBe('CPU')
    expect(delegateToUse({ delegate: 'GPU', measuredAt: now - DELEGATE_MEMORY_MS + 1 }, now)).toBe('GPU')
  })
  it('measures again after a week, or when nothing usable is stored', () => {
    expect(delegateToUse({ delegate: 'CPU', measuredAt: now - DELEGATE_MEMORY_MS }, now)).toBe('auto')
    expect(delegateToUse(null, now)).toBe('auto')
    expect(delegateToUse({ delegate: 'TPU', measuredAt: now }, now)).toBe('auto')
    expect(delegateToUse({ delegate: 'CPU', measuredAt: now + 60_000 }, now)).toBe('auto')
  })
})
