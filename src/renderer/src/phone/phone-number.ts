// Turns what the user typed into the E.164 number the API stores, or a reason code when it cannot (worded where shown).
import { parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode } from 'libphonenumber-js/max'
import { E164 } from '../../../shared/contact'

/** Why the text is not a phone number we can save: a code, so this module stays free of any language (the import worker loads it). */
export type PhoneProblem =
  | 'phone_needs_country'
  | 'phone_not_a_number'
  | 'phone_unknown_country'
  | 'phone_too_short'
  | 'phone_too_long'
  | 'phone_wrong_length'
  | 'phone_extension'
  | 'phone_digits'

/**
 * ok: `e164` is what will be saved; `unusual` (not blocking) when the number has a possible length but no known
 * operator range: the metadata ages, so a real new number must still save. `country` is where the number was read,
 * when known, for the words beside it.
 */
export type PhoneCheck =
  | { status: 'empty' }
  | { status: 'ok'; e164: string; unusual?: true; country?: CountryCode }
  | { status: 'error'; problem: PhoneProblem; country?: CountryCode }

const LENGTH_PROBLEMS = { TOO_SHORT: 'phone_too_short', TOO_LONG: 'phone_too_long', INVALID_LENGTH: 'phone_wrong_length' } as const

/** `defaultCountry` reads a number typed without + (like 06 12 34 56 78); null means only +numbers are understood. */
export function checkPhone(raw: string, defaultCountry: CountryCode | null): PhoneCheck {
  const text = raw.trim()
  if (text === '') return { status: 'empty' }
  if (!text.startsWith('+') && defaultCountry === null) return { status: 'error', problem: 'phone_needs_country' }
  const options = { defaultCountry: defaultCountry ?? undefined }
  const lengthProblem = validatePhoneNumberLength(text, options)
  // extract: false refuses "call 0612…" instead of quietly keeping the digits it found.
  const parsed = parsePhoneNumberFromString(text, { ...options, extract: false })
  if (lengthProblem === 'NOT_A_NUMBER' || (!parsed && lengthProblem === undefined)) return { status: 'error', problem: 'phone_not_a_number' }
  if (lengthProblem === 'INVALID_COUNTRY') return { status: 'error', problem: 'phone_unknown_country' }
  const where = parsed?.country ? { country: parsed.country } : {}
  if (lengthProblem !== undefined || !parsed || !parsed.isPossible()) {
    return { status: 'error', problem: LENGTH_PROBLEMS[lengthProblem ?? 'INVALID_LENGTH'], ...where }
  }
  if (parsed.ext) return { status: 'error', problem: 'phone_extension' }
  if (!E164.test(parsed.number)) return { status: 'error', problem: 'phone_digits' }
  if (!parsed.isValid()) return { status: 'ok', e164: parsed.number, unusual: true, ...where }
  return { status: 'ok', e164: parsed.number }
}
