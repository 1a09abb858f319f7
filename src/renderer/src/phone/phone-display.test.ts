import { describe, expect, it } from 'vitest'
import { displayPhone } from './phone-display'

describe('showing a saved phone number', () => {
  it.each([
    ['a UK mobile abroad', '+447400675126', 'FR', '+44 7400 675126'],
    ['a UK mobile at home', '+447400675126', 'GB', '07400 675126'],
    ['a US number at home', '+14155551234', 'US', '(415) 555-1234'],
    ['a US number with no home country', '+14155551234', null, '+1 415 555 1234'],
    ['a French mobile in Germany', '+33612345678', 'DE', '+33 6 12 34 56 78'],
    ['a Japanese mobile at home', '+819012345678', 'JP', '090-1234-5678'],
  ] as const)('formats %s', (_, e164, home, text) => {
    expect(displayPhone(e164, home)).toBe(text)
  })

  it('shows the same number differently once the home country changes (no stale cache)', () => {
    expect(displayPhone('+4915112345678', 'DE')).toBe('01511 2345678')
    expect(displayPhone('+4915112345678', 'AT')).toBe('+49 1511 2345678')
  })

  it('shows what it cannot read as saved', () => {
    expect(displayPhone('12345', 'GB')).toBe('12345')
    expect(displayPhone('+999123', null)).toBe('+999123')
  })
})
