// The searchable form of one contact: folded words and the fields filters look at.
import type { ContactRow } from '../../../shared/contact'
import { alternateWords, unspacedWhole } from './alternate-words'
import { digitsOf, fold, nameWordsOf, wordsOf } from './fold'

export interface IndexedRow {
  id: number
  /** The name as written: the page language's collator orders it (accents and case as that language does). */
  sortName: string
  /** Folded name words only (O'Brien's joined "obrien" too): typo tolerance applies to these. */
  nameWords: string[]
  /**
   * ` word word … ` over name, email pieces and tags, then the name's alternate words (alternate-words.ts,
   * behind their marks): `text.includes(' ' + w)` is a prefix match.
   */
  text: string
  email: string
  phoneDigits: string
  tags: string[]
  type: string | undefined
  blacklisted: boolean
  /** Undefined when unknown (list rows leave it out): then it matches no status filter. */
  status: string | undefined
}

export function indexRow(row: ContactRow): IndexedRow {
  const nameWords = nameWordsOf(row.name)
  const whole = unspacedWhole(nameWords)
  if (whole !== null) nameWords.push(whole)
  const email = row.email ? fold(row.email) : ''
  const tags = (row.tags ?? []).map(fold)
  const words = [...new Set([...nameWords, ...wordsOf(email), ...tags.flatMap(wordsOf), ...alternateWords(nameWords)])]
  return {
    id: row.id,
    sortName: row.name ?? '',
    nameWords,
    text: ' ' + words.join(' ') + ' ',
    email,
    phoneDigits: digitsOf(row.phone),
    tags,
    type: row.type,
    blacklisted: row.blacklisted ?? false,
    status: row.status,
  }
}

/** Distinct words of a row, as the word index stores them. */
export function rowWords(row: IndexedRow): string[] {
  return row.text.split(' ').filter(Boolean)
}
