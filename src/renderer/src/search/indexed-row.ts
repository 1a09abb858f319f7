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

/** A name's words, its index words (alternates too) and their ` word … ` text, by name: worked out once per distinct name of one build. */
export type NameWords = Map<string, NameParts>

interface NameParts {
  nameWords: string[]
  words: string[]
  text: string
}

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
    const words = nameIndexWords(nameWords)
    known = { nameWords, words, text: ' ' + words.join(' ') + ' ' }
    names.set(name, known)
  }
  const { nameWords } = known
  const email = row.email ? fold(row.email) : ''
  const tags = row.tags?.length ? row.tags.map(fold) : NO_TAGS
  const others: string[] = []
  for (const word of otherIndexWords(email, tags)) if (!known.words.includes(word) && !others.includes(word)) others.push(word)
  return {
    id: row.id,
    sortName: name,
    nameWords,
    // The name's text (one string for every row of the name), then the email's and tags' words not in it.
    text: others.length ? known.text + others.join(' ') + ' ' : known.text,
    email,
    phoneDigits: digitsOf(row.phone),
    tags,
    type: row.type,
    blacklisted: row.blacklisted ?? false,
    status: row.status,
  }
}

/** The index words of a name (of its folded words): those words and their alternates, each once. */
export function nameIndexWords(nameWords: readonly string[]): string[] {
  return [...new Set([...nameWords, ...alternateWords(nameWords)])]
}

/**
 * The index words of a row besides its name's (folded email and tags): a row's words are these and
 * nameIndexWords(row.nameWords), each once; `text` holds them all.
 */
export function otherIndexWords(email: string, tags: readonly string[]): string[] {
  const words = wordsOf(email)
  for (const tag of tags) words.push(...wordsOf(tag))
  return words
}
