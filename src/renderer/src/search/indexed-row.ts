// The searchable form of one contact: folded words and the fields filters look at.
import type { ContactRow } from '../../../shared/contact'
import { alternateWords, unspacedWhole } from './alternate-words'
import { digitsOf, fold, nameWordsOf, wordsOf } from './fold'

export interface IndexedRow {
  id: number
  /** The name as written: the page language's collator orders it (accents and case as that language does). */
  sortName: string
  /** Folded name words only (O'Brien's joined "obrien" too): typo tolerance applies to these. */
  nameWords: readonly string[]
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

/** Most rows have no tag: they share one empty list. */
const NO_TAGS: string[] = []

/** A name's words and alternate words, by name: worked out once per distinct name of one build. */
export type NameWords = Map<string, { nameWords: string[]; words: string[] }>

/**
 * `names` holds the words of names seen before: names repeat (500k seeded contacts hold 1,379 distinct names),
 * and rows of one name share one array of name words. Never change a row's `nameWords`.
 */
export function indexRow(row: ContactRow, names: NameWords = new Map()): IndexedRow {
  const name = row.name ?? ''
  let known = names.get(name)
  if (!known) {
    const nameWords = nameWordsOf(name)
    const whole = unspacedWhole(nameWords)
    if (whole !== null) nameWords.push(whole)
    known = { nameWords, words: [...new Set([...nameWords, ...alternateWords(nameWords)])] }
    names.set(name, known)
  }
  const { nameWords } = known
  const email = row.email ? fold(row.email) : ''
  const tags = row.tags?.length ? row.tags.map(fold) : NO_TAGS
  // The name's words, then those of the email and tags not among them (a few each: a linear look is cheapest).
  const words = known.words.slice()
  const add = (word: string) => {
    if (!words.includes(word)) words.push(word)
  }
  for (const word of wordsOf(email)) add(word)
  for (const tag of tags) for (const word of wordsOf(tag)) add(word)
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
