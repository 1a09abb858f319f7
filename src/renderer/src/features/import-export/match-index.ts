// Maps from phone, email and name + last digits to a contact, built once over the mirror, so each imported row finds its duplicate in O(1).
import type { ContactRow } from '../../../../shared/contact'
import { emailKey, nameSuffixKey, phoneKey, phoneSuffix, type MatchReason } from '../../contact-match/match-keys'

export interface Matchable {
  name?: string | null
  phone?: string | null
  email?: string | null
}

export interface MatchIndex<T> {
  byPhone: Map<string, T>
  byEmail: Map<string, T>
  byNameSuffix: Map<string, T>
}

export interface Match<T> {
  target: T
  reason: MatchReason
}

export function emptyMatchIndex<T>(): MatchIndex<T> {
  return { byPhone: new Map(), byEmail: new Map(), byNameSuffix: new Map() }
}

const keep = <T>(map: Map<string, T>, key: string | null, target: T): void => {
  if (key !== null && !map.has(key)) map.set(key, target)
}

/** Adds `contact`'s keys pointing at `target`; a key already taken keeps its first contact. */
export function addToIndex<T>(index: MatchIndex<T>, contact: Matchable, target: T): void {
  keep(index.byPhone, phoneKey(contact.phone), target)
  keep(index.byEmail, emailKey(contact.email), target)
  keep(index.byNameSuffix, nameSuffixKey(contact.name, contact.phone), target)
}

/** The index of every contact here (partial rows count with what they have). */
export function indexContacts(rows: Iterable<ContactRow>): MatchIndex<ContactRow> {
  const index = emptyMatchIndex<ContactRow>()
  for (const row of rows) addToIndex(index, row, row)
  return index
}

/**
 * The index of only the contacts here that share a phone, an email or a phone suffix with one of
 * `wanted`: the same matches as `indexContacts`, but a name is folded only when its suffix is wanted,
 * so checking a file against 100k contacts costs a few map lookups per contact.
 */
export function indexContactsMatching(rows: Iterable<ContactRow>, wanted: Iterable<Matchable>): MatchIndex<ContactRow> {
  const phones = new Set<string>()
  const emails = new Set<string>()
  const suffixes = new Set<string>()
  for (const contact of wanted) {
    const phone = phoneKey(contact.phone)
    if (phone) phones.add(phone)
    const mail = emailKey(contact.email)
    if (mail) emails.add(mail)
    const suffix = phoneSuffix(contact.phone)
    if (suffix) suffixes.add(suffix)
  }
  const index = emptyMatchIndex<ContactRow>()
  for (const row of rows) {
    // Only E.164 phones are in `phones`: a row's phone found there is its key, no pattern test needed.
    if (row.phone && phones.has(row.phone)) keep(index.byPhone, row.phone, row)
    const mail = emailKey(row.email)
    if (mail !== null && emails.has(mail)) keep(index.byEmail, mail, row)
    const suffix = phoneSuffix(row.phone)
    if (suffix !== null && suffixes.has(suffix)) keep(index.byNameSuffix, nameSuffixKey(row.name, row.phone), row)
  }
  return index
}

/** The strongest match: same phone, else same email, else same folded name with the same last digits. */
export function findMatch<T>(index: MatchIndex<T>, contact: Matchable): Match<T> | null {
  const byPhone = index.byPhone.get(phoneKey(contact.phone) ?? '')
  if (byPhone !== undefined) return { target: byPhone, reason: 'phone' }
  const byEmail = index.byEmail.get(emailKey(contact.email) ?? '')
  if (byEmail !== undefined) return { target: byEmail, reason: 'email' }
  const key = nameSuffixKey(contact.name, contact.phone)
  const byName = key === null ? undefined : index.byNameSuffix.get(key)
  return byName === undefined ? null : { target: byName, reason: 'name' }
}
