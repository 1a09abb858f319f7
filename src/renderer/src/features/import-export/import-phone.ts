// Reads a file's phone cell as E.164 by the contact form's rules, with the problem as a code the preview puts into words.
import { parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode } from 'libphonenumber-js/max'
import { E164 } from '../../../../shared/contact'
import type { PhoneProblem } from '../../phone/phone-number'

/** Why a cell is not a phone number we can save: the contact form's codes. */
export type PhoneReason = PhoneProblem

/**
 * ok: `e164` is what will be saved; `unusual` (not blocking) when the number has a possible length but no known
 * operator range. `country` is the country the number was read in, when known, for the words beside it.
 */
export type PhoneRead =
  | { status: 'empty' }
  | { status: 'ok'; e164: string; unusual?: true; country?: CountryCode }
  | { status: 'error'; reason: PhoneReason; country?: CountryCode }

const LENGTH_REASONS = { TOO_SHORT: 'phone_too_short', TOO_LONG: 'phone_too_long', INVALID_LENGTH: 'phone_wrong_length' } as const

/** The same decisions as the contact form's `checkPhone` (a test holds them together); one parse for the usual good number. */
export function readPhone(raw: string, defaultCountry: CountryCode | null): PhoneRead {
  const text = raw.trim()
  if (text === '') return { status: 'empty' }
  if (!text.startsWith('+') && defaultCountry === null) return { status: 'error', reason: 'phone_needs_country' }
  const options = { defaultCountry: defaultCountry ?? undefined }
  // extract: false refuses "call 0612…" instead of quietly keeping the digits it found.
  const parsed = parsePhoneNumberFromString(text, { ...options, extract: false })
  if (parsed && !parsed.ext && parsed.isPossible() && E164.test(parsed.number) && parsed.isValid()) return { status: 'ok', e164: parsed.number }
  const lengthProblem = validatePhoneNumberLength(text, options)
  if (lengthProblem === 'NOT_A_NUMBER' || (!parsed && lengthProblem === undefined)) return { status: 'error', reason: 'phone_not_a_number' }
  if (lengthProblem === 'INVALID_COUNTRY') return { status: 'error', reason: 'phone_unknown_country' }
  const country = parsed?.country ? { country: parsed.country } : {}
  if (lengthProblem !== undefined || !parsed || !parsed.isPossible()) {
    return { status: 'error', reason: LENGTH_REASONS[lengthProblem ?? 'INVALID_LENGTH'], ...country }
  }
  if (parsed.ext) return { status: 'error', reason: 'phone_extension' }
  if (!E164.test(parsed.number)) return { status: 'error', reason: 'phone_digits' }
  return { status: 'ok', e164: parsed.number, unusual: true, ...country }
}
