import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkPhone, type PhoneCheck } from '../../phone/phone-number'
import { readPhone, type PhoneRead } from './import-phone'

/** What the contact form would do with the number. */
const formDecision = (check: PhoneCheck) =>
  check.status === 'ok' ? { status: 'ok', e164: check.e164, unusual: check.unusual === true } : { status: check.status }
const importDecision = (read: PhoneRead) =>
  read.status === 'ok' ? { status: 'ok', e164: read.e164, unusual: read.unusual === true } : { status: read.status }
/** The code and the country its words name. */
const formWhy = (check: PhoneCheck) =>
  check.status === 'error' ? { why: check.problem, country: check.country } : check.status === 'ok' && check.unusual ? { why: 'unusual', country: check.country } : {}
const importWhy = (read: PhoneRead) =>
  read.status === 'error' ? { why: read.reason, country: read.country } : read.status === 'ok' && read.unusual ? { why: 'unusual', country: read.country } : {}

describe('reading a phone cell', () => {
  it.each([
    ['0171 1234567', 'DE'], ['+49 171 1234567', null], ['(415) 555-1234', 'US'], ['00 33 6 12 34 56 78', 'FR'], ['+49 100 1234567', 'DE'],
    ['0612', 'FR'], ['call me', 'FR'], ['+1 415 555 1234 ext. 5', null], ['06 12 34 56 78', null], ['+999 123 456 789', null], ['', 'DE'],
    ['+49 171 1234567890123', null], ['+1 23', null],
  ] as const)('decides %j (%s) as the contact form does, for the same reason', (raw, country) => {
    const read = readPhone(raw, country)
    const check = checkPhone(raw, country)
    expect(importDecision(read)).toEqual(formDecision(check))
    expect(importWhy(read)).toEqual(formWhy(check))
  })

  it('decides any digits-and-punctuation text as the contact form does (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '+', ' ', '-', '(', ')', 'x'), maxLength: 18 })
    fc.assert(fc.property(cell, fc.constantFrom('DE' as const, 'US' as const, 'GB' as const, 'IN' as const, null), (raw, country) => {
      expect(importDecision(readPhone(raw, country))).toEqual(formDecision(checkPhone(raw, country)))
    }), { numRuns: 2000 })
  })
})
