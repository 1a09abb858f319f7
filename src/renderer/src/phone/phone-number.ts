// Turns what the user typed into the E.164 number the API stores, with a clear sentence when it cannot.
import { parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode } from 'libphonenumber-js/max'
import { E164 } from '../../../shared/contact'
import { countryName } from './country-names'

/**
 * ok: `e164` is what will be saved; `warning` (not blocking) when the number has a possible
 * length but no known operator range: the metadata ages, so a real new number must still save.
 */
export type PhoneCheck =
  | { status: 'empty' }
  | { status: 'ok'; e164: string; warning?: string }
  | { status: 'error'; message: string }

const LENGTH_WORDS = { TOO_SHORT: 'too short', TOO_LONG: 'too long', INVALID_LENGTH: 'the wrong length' } as const

/** `defaultCountry` reads a number typed without + (like 06 12 34 56 78); null means only +numbers are understood. */
export function checkPhone(raw: string, defaultCountry: CountryCode | null): PhoneCheck {
  const text = raw.trim()
  if (text === '') return { status: 'empty' }
  if (!text.startsWith('+') && defaultCountry === null) {
    return { status: 'error', message: 'Start with + and the country code (like +44 20 7946 0958), or choose the country for local numbers.' }
  }
  const options = { defaultCountry: defaultCountry ?? undefined }
  const lengthProblem = validatePhoneNumberLength(text, options)
  // extract: false refuses "call 0612…" instead of quietly keeping the digits it found.
  const parsed = parsePhoneNumberFromString(text, { ...options, extract: false })
  if (lengthProblem === 'NOT_A_NUMBER' || (!parsed && lengthProblem === undefined)) {
    return { status: 'error', message: 'This is not a phone number: use digits, spaces, dashes or brackets, like +1 415 555 1234.' }
  }
  if (lengthProblem === 'INVALID_COUNTRY') {
    return { status: 'error', message: 'The country code is unknown: check the digits after the +.' }
  }
  // English like the sentences around it.
  const where = parsed?.country ? ` (${countryName(parsed.country, 'en')})` : ''
  if (lengthProblem !== undefined || !parsed || !parsed.isPossible()) {
    const what = lengthProblem === undefined ? LENGTH_WORDS.INVALID_LENGTH : LENGTH_WORDS[lengthProblem]
    return { status: 'error', message: `This number is ${what}${where}: check for a missing or extra digit.` }
  }
  if (parsed.ext) return { status: 'error', message: 'An extension cannot be saved: remove the part after the number.' }
  if (!E164.test(parsed.number)) {
    return { status: 'error', message: 'A phone number has 8 to 15 digits with its country code.' }
  }
  if (!parsed.isValid()) {
    return { status: 'ok', e164: parsed.number, warning: `This does not look like a number in use${where}; check it before saving.` }
  }
  return { status: 'ok', e164: parsed.number }
}
