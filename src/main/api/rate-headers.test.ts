import { describe, expect, it } from 'vitest'
import { parseRetryAfter, rateLimitLimit, rateLimitRemaining } from './rate-headers'

describe('parseRetryAfter', () => {
  it('reads seconds', () => {
    expect(parseRetryAfter('2')).toBe(2000)
    expect(parseRetryAfter(' 0 ')).toBe(0)
  })

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-03-04T10:00:00Z')
    expect(parseRetryAfter('Wed, 04 Mar 2026 10:00:03 GMT', now)).toBe(3000)
  })

  it('never waits a negative time for a date in the past', () => {
    const now = Date.parse('2026-03-04T10:00:00Z')
    expect(parseRetryAfter('Wed, 04 Mar 2026 09:00:00 GMT', now)).toBe(0)
  })

  it('returns null when absent or unreadable', () => {
    expect(parseRetryAfter(null)).toBeNull()
    expect(parseRetryAfter('soon')).toBeNull()
  })
})

describe('rateLimitRemaining', () => {
  it('reads the header, or null when absent or not a number', () => {
    expect(rateLimitRemaining(new Headers({ 'X-RateLimit-Remaining': '7' }))).toBe(7)
    expect(rateLimitRemaining(new Headers())).toBeNull()
    expect(rateLimitRemaining(new Headers({ 'X-RateLimit-Remaining': 'lots' }))).toBeNull()
  })
})

describe('rateLimitLimit', () => {
  it('reads a positive whole number, or null when absent, zero or not a number', () => {
    expect(rateLimitLimit(new Headers({ 'X-RateLimit-Limit': '60' }))).toBe(60)
    expect(rateLimitLimit(new Headers())).toBeNull()
    expect(rateLimitLimit(new Headers({ 'X-RateLimit-Limit': '0' }))).toBeNull()
    expect(rateLimitLimit(new Headers({ 'X-RateLimit-Limit': '-5' }))).toBeNull()
    expect(rateLimitLimit(new Headers({ 'X-RateLimit-Limit': 'plenty' }))).toBeNull()
  })
})
