// The benchmark's fixed query set, derived from the seeded contacts: prefixes, names, typos, emails, phones, tags, scripts.
import type { Contact } from '../src/shared/contact'
import { digitsOf, fold, wordsOf } from '../src/renderer/src/search/fold'
import { lowerBound } from '../src/renderer/src/search/word-index'
import { scriptOf, scriptQueries, type Script } from './script-queries'

export interface BenchQuery {
  kind: 'prefix' | 'name' | 'typo' | 'email' | 'phone' | 'tag' | 'script'
  text: string
  /** For typo and script queries: the contact the query was made from, which must be found. */
  expectId?: number
  edit?: TypoEdit
  /** For typo and script queries: the script of the contact's name, for recall per script. */
  script?: Script
  /** For script queries: what is tried (a name inside one written without spaces, a Latin spelling…). */
  case?: string
  /** Names written in Latin must all rank before the Cyrillic or Greek ones found by spelling. */
  latinFirst?: boolean
}

type TypoEdit = 'insert' | 'delete' | 'substitute' | 'swap'
const EDITS: readonly TypoEdit[] = ['insert', 'delete', 'substitute', 'swap']

/** One edit in the middle of a word, using the word's own letters so the script stays the same. */
export function typoOf(word: string, edit: TypoEdit): string {
  const at = Math.floor(word.length / 2)
  const chars = [...word]
  switch (edit) {
    case 'insert':
      chars.splice(at, 0, chars[at - 1] === chars[at] ? chars[0] : chars[at - 1])
      break
    case 'delete':
      chars.splice(at, 1)
      break
    case 'substitute':
      chars[at] = chars.find((c) => c !== chars[at] && c !== chars[at - 1] && c !== chars[at + 1]) ?? 'x'
      break
    case 'swap':
      ;[chars[at - 1], chars[at]] = [chars[at], chars[at - 1]]
      break
  }
  return chars.join('')
}

/** Contacts spread evenly over the seed, so the set covers every name pool. */
function spread(contacts: readonly Contact[], count: number, salt: number): Contact[] {
  const step = Math.floor(contacts.length / count)
  return Array.from({ length: count }, (_, i) => contacts[(i * step + salt * 7919) % contacts.length])
}

export function benchQueries(contacts: readonly Contact[]): BenchQuery[] {
  const words = [...new Set(contacts.flatMap((c) => wordsOf(c.name)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  // A "typo" that is itself a word, or starts one, would be an exact or prefix query instead.
  const isWordOrPrefix = (text: string) => words[lowerBound(words, text)]?.startsWith(text) ?? false
  const queries: BenchQuery[] = []

  for (const [i, contact] of spread(contacts, 20, 1).entries()) {
    const first = wordsOf(contact.name)[0] ?? ''
    queries.push({ kind: 'prefix', text: [...first].slice(0, (i % 4) + 1).join('') })
  }
  for (const contact of spread(contacts, 10, 2)) queries.push({ kind: 'name', text: contact.name })

  let edit = 0
  for (const contact of spread(contacts, 200, 3)) {
    if (queries.filter((q) => q.kind === 'typo').length === 24) break
    const nameWords = wordsOf(contact.name)
    const target = nameWords.reduce((a, b) => (b.length > a.length ? b : a), '')
    if (target.length < 5) continue
    const kind = EDITS[edit % EDITS.length]
    const typo = typoOf(target, kind)
    if (typo === target || isWordOrPrefix(typo)) continue
    edit++
    const text = nameWords.map((w) => (w === target ? typo : w)).join(' ')
    queries.push({ kind: 'typo', text, expectId: contact.id, edit: kind, script: scriptOf(contact.name) })
  }

  const withEmail = contacts.filter((c) => c.email)
  for (const [i, contact] of spread(withEmail, 6, 4).entries()) {
    const email = fold(contact.email ?? '')
    queries.push({ kind: 'email', text: i % 2 ? email : email.slice(0, email.indexOf('@') + 1) })
  }
  const withPhone = contacts.filter((c) => c.phone)
  for (const [i, contact] of spread(withPhone, 6, 5).entries()) {
    const digits = digitsOf(contact.phone)
    queries.push({ kind: 'phone', text: i % 3 === 0 ? (contact.phone ?? '') : digits.slice(-(4 + i)) })
  }
  for (const tag of ['#vip', 'tag:lead', '#trade', 'tag:churn-risk']) queries.push({ kind: 'tag', text: tag })
  for (const query of scriptQueries(contacts)) queries.push({ kind: 'script', ...query })
  return queries
}
