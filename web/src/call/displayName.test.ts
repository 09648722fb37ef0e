import { describe, expect, it } from 'vitest'
import { MAX_NAME_CHARS } from '../../../shared/protocol/signalling'
import { cleanDisplayName } from './displayName'

describe('cleanDisplayName', () => {
  it('trims and collapses spaces', () => {
    expect(cleanDisplayName('  Ana   María \n')).toBe('Ana María')
  })

  it('cuts a long name to what the room accepts', () => {
    expect(cleanDisplayName('x'.repeat(200))).toHaveLength(MAX_NAME_CHARS)
  })

  it('leaves nothing of a blank name, so the form can ask for one', () => {
    expect(cleanDisplayName('   ')).toBe('')
  })
})
