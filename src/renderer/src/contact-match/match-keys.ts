// The keys two contacts are compared by to call them the same person (E.164 phone, email without case, folded name, phone suffix): the duplicate scan and the import check share them.
import { E164 } from '../../../shared/contact'
import { digitsOf, wordsOf } from '../search/fold'

/** The last digits compared when names match: 6 tells numbers apart but survives a different area or country prefix. */
export const SUFFIX_DIGITS = 6

/** Why two contacts look like one person, strongest first. */
export type MatchReason = 'phone' | 'email' | 'name'
export const REASON_STRENGTH: Record<MatchReason, number> = { phone: 0, email: 1, name: 2 }

export function phoneKey(phone: string | null | undefined): string | null {
  return phone && E164.test(phone) ? phone : null
}

/** Addresses compare without case and surrounding spaces (the domain is case-insensitive; providers treat the local part so too). */
export function emailKey(email: string | null | undefined): string | null {
  const key = email?.trim().toLowerCase()
  return key && key.includes('@') ? key : null
}

/** Printable ASCII: control characters go the Unicode way too, which gives the same words. */
const ASCII = /^[ -~]*$/
const ASCII_SEPARATORS = /[^a-z0-9]+/

/** Folded words in sorted order: "José  Müller", "muller jose" and "Müller, José" are one key. */
export function nameKey(name: string | null | undefined): string | null {
  // ASCII needs no Unicode folding (the same words as wordsOf, at a fraction of the cost over 100k names).
  const words = name && ASCII.test(name) ? name.toLowerCase().split(ASCII_SEPARATORS).filter(Boolean) : wordsOf(name)
  return words.length ? words.sort().join(' ') : null
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57

/** The last SUFFIX_DIGITS digits of a phone; null when it has fewer. */
export function phoneSuffix(phone: string | null | undefined): string | null {
  if (!phone) return null
  // Most phones end in six digits in a row (every E.164 number does): a slice, no regex over 100k phones.
  let end = phone.length
  while (end > 0 && !isDigit(phone.charCodeAt(end - 1))) end--
  let start = end
  while (start > 0 && end - start < SUFFIX_DIGITS && isDigit(phone.charCodeAt(start - 1))) start--
  if (end - start === SUFFIX_DIGITS) return phone.slice(start, end)
  const digits = digitsOf(phone)
  return digits.length >= SUFFIX_DIGITS ? digits.slice(-SUFFIX_DIGITS) : null
}

/** Folded name and phone suffix together: the import's "same name, same last digits" rule. */
export function nameSuffixKey(name: string | null | undefined, phone: string | null | undefined): string | null {
  const nameK = nameKey(name)
  const suffix = phoneSuffix(phone)
  return nameK && suffix ? `${suffix}|${nameK}` : null
}
