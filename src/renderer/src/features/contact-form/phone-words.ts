// The phone check's codes in the current language, made when shown (phone-number.ts stays free of words for the import worker).
import type { CountryCode } from 'libphonenumber-js/max'
import { currentLocale, t } from '../../i18n'
import type { PhoneCheck, PhoneProblem } from '../../phone/phone-number'
import { countryName } from '../../phone/country-names'

/** Problems whose sentence names the number's country when it is known: [without, with]. */
const WHERE_KEYS = {
  phone_too_short: ['contact-form.phone.tooShort', 'contact-form.phone.tooShortIn'],
  phone_too_long: ['contact-form.phone.tooLong', 'contact-form.phone.tooLongIn'],
  phone_wrong_length: ['contact-form.phone.wrongLength', 'contact-form.phone.wrongLengthIn'],
} as const satisfies Partial<Record<PhoneProblem, readonly [string, string]>>

const PLAIN_KEYS = {
  phone_needs_country: 'contact-form.phone.needsCountry',
  phone_not_a_number: 'contact-form.phone.notANumber',
  phone_unknown_country: 'contact-form.phone.unknownCountry',
  phone_extension: 'contact-form.phone.extension',
  phone_digits: 'contact-form.phone.digits',
} as const satisfies Record<Exclude<PhoneProblem, keyof typeof WHERE_KEYS>, string>

const isWhere = (problem: PhoneProblem): problem is keyof typeof WHERE_KEYS => problem in WHERE_KEYS
const where = ({ country }: { country?: CountryCode }) => (country ? { country: countryName(country, currentLocale.value) } : null)

/** Why a number cannot be saved (the form's typed number, an imported cell). */
export function phoneProblemText(check: Pick<Extract<PhoneCheck, { status: 'error' }>, 'problem' | 'country'>): string {
  if (!isWhere(check.problem)) return t(PLAIN_KEYS[check.problem])
  const [plain, named] = WHERE_KEYS[check.problem]
  const place = where(check)
  return place ? t(named, place) : t(plain)
}

/** The doubt beside a number that saves but has no known operator range in its country. */
export function unusualPhoneText(country?: CountryCode): string {
  const place = where({ country })
  return place ? t('contact-form.phone.unusualIn', place) : t('contact-form.phone.unusual')
}

/** The doubt beside the typed number; null for a usual number. */
export function phoneDoubtText(check: Extract<PhoneCheck, { status: 'ok' }>): string | null {
  return check.unusual ? unusualPhoneText(check.country) : null
}
