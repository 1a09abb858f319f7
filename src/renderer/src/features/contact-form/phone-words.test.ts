import { afterEach, describe, expect, it } from 'vitest'
import { setAppLocale } from '../../i18n'
import { checkPhone, type PhoneCheck } from '../../phone/phone-number'
import { phoneDoubtText, phoneProblemText } from './phone-words'

const problemOf = (typed: string, country: 'FR' | 'US' | null): string => {
  const check = checkPhone(typed, country)
  if (check.status !== 'error') throw new Error(`expected a refusal of ${typed}`)
  return phoneProblemText(check)
}

afterEach(() => setAppLocale('en'))

describe('the phone check in words', () => {
  it.each([
    ['call me', 'FR', 'This is not a phone number: use digits, spaces, dashes or brackets, like +1 415 555 1234.'],
    ['06 12 34 56 78', null, 'Start with + and the country code (like +44 20 7946 0958), or choose the country for local numbers.'],
    ['+999 123 456 789', null, 'The country code is unknown: check the digits after the +.'],
    ['+1 415 555 123', null, 'This number is too short: check for a missing or extra digit.'],
    ['+33 6 12 34 56 78 9', null, 'This number is too long (France): check for a missing or extra digit.'],
    ['+1 415 555 1234 ext. 5', null, 'An extension cannot be saved: remove the part after the number.'],
  ] as const)('says why %j (%s) cannot be saved, in English by default', (typed, country, sentence) => {
    expect(problemOf(typed, country)).toBe(sentence)
  })

  it('follows the language, the country named in it too', async () => {
    await setAppLocale('de')
    expect(problemOf('0612', 'FR')).toBe('Diese Nummer ist zu kurz (Frankreich): Prüfen Sie, ob eine Ziffer fehlt oder zu viel ist.')
    expect(phoneDoubtText(checkPhone('+1 999 555 1234', null) as Extract<PhoneCheck, { status: 'ok' }>)).toBe('Diese Nummer scheint nicht vergeben zu sein; prüfen Sie sie vor dem Speichern.')
  })

  it('has no doubt about a usual number', () => {
    expect(phoneDoubtText({ status: 'ok', e164: '+33612345678' })).toBeNull()
  })
})
