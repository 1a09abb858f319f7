import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkPhone } from '../../phone/phone-number'
import { readPhone } from './import-phone'

describe('reading a phone cell', () => {
  it.each([
    ['0171 1234567', 'DE'], ['+49 171 1234567', null], ['(415) 555-1234', 'US'], ['00 33 6 12 34 56 78', 'FR'], ['+49 100 1234567', 'DE'],
    ['0612', 'FR'], ['call me', 'FR'], ['+1 415 555 1234 ext. 5', null], ['06 12 34 56 78', null], ['+999 123 456 789', null], ['', 'DE'],
  ] as const)('answers %j (%s) exactly as the contact form does', (raw, country) => {
    expect(readPhone(raw, country)).toEqual(checkPhone(raw, country))
  })

  it('answers any digits-and-punctuation text as the contact form does (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '+', ' ', '-', '(', ')', 'x'), maxLength: 18 })
    fc.assert(fc.property(cell, fc.constantFrom('DE' as const, 'US' as const, 'GB' as const, 'IN' as const, null), (raw, country) => {
      expect(readPhone(raw, country)).toEqual(checkPhone(raw, country))
    }), { numRuns: 2000 })
  })
})
