import { describe, expect, it } from 'vitest'
import { safeNext } from './safeNext'

describe('safeNext', () => {
  it('keeps a path on this site', () => {
    expect(safeNext('/call/abc?x=1')).toBe('/call/abc?x=1')
  })
  it.each(['https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)', '', null])('refuses %j', (raw) => {
    expect(safeNext(raw)).toBe('/contacts')
  })
})
