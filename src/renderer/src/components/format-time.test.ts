import { afterEach, describe, expect, it } from 'vitest'
import { setAppLocale } from '../i18n'
import { formatAgo, formatDateTime } from './format-time'

afterEach(() => setAppLocale('en'))

describe('time formats', () => {
  it('reads server timestamps with microseconds and refuses garbage', () => {
    expect(formatDateTime('2026-11-24T14:05:00.123456Z')).toMatch(/2026/)
    expect(formatDateTime('not a date')).toBeUndefined()
    expect(formatDateTime(null)).toBeUndefined()
  })

  it('says how long ago, in the coarsest unit that fits', () => {
    const now = Date.parse('2026-11-24T12:00:00Z')
    expect(formatAgo('2026-11-24T11:59:30Z', now)).toBe('just now')
    expect(formatAgo('2026-11-24T11:55:00Z', now)).toMatch(/5 minutes ago/)
    expect(formatAgo('2026-11-24T09:00:00Z', now)).toMatch(/3 hours ago/)
    expect(formatAgo('2026-11-23T12:00:00Z', now)).toMatch(/yesterday/)
  })

  it('speaks the page’s language: German dates and moments', () => {
    setAppLocale('de')
    expect(formatDateTime('2026-11-24T14:05:00Z')).toMatch(/^24\.11\.2026, \d\d:05$/)
    const now = Date.parse('2026-11-24T12:00:00Z')
    expect(formatAgo('2026-11-24T11:59:30Z', now)).toBe('gerade eben')
    expect(formatAgo('2026-11-24T11:55:00Z', now)).toBe('vor 5 Minuten')
    expect(formatAgo('2026-11-24T09:00:00Z', now)).toBe('vor 3 Stunden')
    expect(formatAgo('2026-11-23T12:00:00Z', now)).toBe('gestern')
  })
})
