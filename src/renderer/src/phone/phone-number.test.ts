import { describe, expect, it } from 'vitest'
import { checkPhone } from './phone-number'

describe('turning a typed phone number into E.164', () => {
  it.each([
    ['a French mobile typed locally', '06 12 34 56 78', 'FR', '+33612345678'],
    ['a US number with brackets and dashes', '(415) 555-1234', 'US', '+14155551234'],
    ['an international number, whatever the default country', '+44 20 7946 0958', 'FR', '+442079460958'],
    ['an international number with no default country', '+49 151 12345678', null, '+4915112345678'],
    ['the 00 international prefix of the default country', '00 33 6 12 34 56 78', 'FR', '+33612345678'],
    ['surrounding spaces', '  +33612345678 ', null, '+33612345678'],
  ] as const)('saves %s', (_, typed, country, e164) => {
    expect(checkPhone(typed, country)).toEqual({ status: 'ok', e164 })
  })

  it('treats an empty field as no phone', () => {
    expect(checkPhone('   ', 'FR')).toEqual({ status: 'empty' })
  })

  it.each([
    ['letters', 'call me', 'FR', { problem: 'phone_not_a_number' }],
    ['a number hidden in words', 'tel 0612345678', 'FR', { problem: 'phone_not_a_number' }],
    ['a vanity number', '1-800-FLOWERS', 'US', { problem: 'phone_not_a_number' }],
    ['a local number with no country to read it', '06 12 34 56 78', null, { problem: 'phone_needs_country' }],
    ['an unknown country code', '+999 123 456 789', null, { problem: 'phone_unknown_country' }],
    ['a digit missing', '+1 415 555 123', null, { problem: 'phone_too_short' }],
    ['a digit too many', '+33 6 12 34 56 78 9', null, { problem: 'phone_too_long', country: 'FR' }],
    ['a local number too short', '0612', 'FR', { problem: 'phone_too_short', country: 'FR' }],
    ['an extension', '+1 415 555 1234 ext. 5', null, { problem: 'phone_extension' }],
  ] as const)('refuses %s with a reason code (worded where shown)', (_, typed, country, why) => {
    expect(checkPhone(typed, country)).toEqual({ status: 'error', ...why })
  })

  it('saves a number of possible length outside known ranges, marked unusual', () => {
    expect(checkPhone('+1 999 555 1234', null)).toEqual({ status: 'ok', e164: '+19995551234', unusual: true })
  })
})
