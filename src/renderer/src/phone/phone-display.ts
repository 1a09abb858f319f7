// How a saved E.164 number is shown: grouped as people read it aloud, national for the user's own country (+44 7400 675126, or 07400 675126 in the UK).
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max'

/** Formatting parses with the full metadata: rows repeat as the table scrolls, so results are kept (a bounded cache). */
const CACHE_LIMIT = 5000
const shown = new Map<string, string>()

/**
 * The number in international format, or national format when it belongs to `home` (the country
 * local numbers are typed for). What is not a number libphonenumber can read shows as saved.
 */
export function displayPhone(e164: string, home: CountryCode | null): string {
  const key = `${home ?? ''}${e164}`
  const known = shown.get(key)
  if (known !== undefined) return known
  const parsed = parsePhoneNumberFromString(e164)
  const text = !parsed ? e164 : home !== null && parsed.country === home ? parsed.formatNational() : parsed.formatInternational()
  if (shown.size >= CACHE_LIMIT) shown.clear()
  shown.set(key, text)
  return text
}
