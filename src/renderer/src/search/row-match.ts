// Decides whether one indexed row matches the search terms and filters, and how well.
import type { ChannelType, ContactStatus } from '../../../shared/contact'
import { alternateKeys } from './alternate-words'
import { allowedEdits, withinEdits } from './edit-distance'
import type { IndexedRow } from './indexed-row'
import type { SearchTerms } from './query'

export interface SearchFilters {
  type?: ChannelType
  tag?: string
  blacklisted?: boolean
  status?: ContactStatus
}

/**
 * Match quality, best first: every word whole, word prefixes, an alternate word (inside a name
 * written without spaces, a Cyrillic or Greek name by its Latin spelling), within a typo, and
 * last a word found only in the contact's notes (what the user typed may be anywhere in them).
 */
export const EXACT = 0
export const PREFIX = 1
export const ALTERNATE = 2
export const FUZZY = 3
export const NOTE = 4
export const NO_MATCH = -1

/** A typed word is looked for in notes only from this length: one or two letters would match nearly every note. */
export const NOTE_WORD_MIN = 3

/** A row for the filters: it passes, fails, or would pass but its status or channel is not known yet. */
export const PASSES = 0
export const FAILS = 1
export const UNKNOWN = 2

export function passesFilters(row: IndexedRow, filters: SearchFilters, foldedTag: string | null): number {
  if (filters.blacklisted !== undefined && row.blacklisted !== filters.blacklisted) return FAILS
  if (foldedTag !== null && !row.tags.includes(foldedTag)) return FAILS
  let unknown = false
  if (filters.type !== undefined) {
    if (row.type === undefined) unknown = true
    else if (row.type !== filters.type) return FAILS
  }
  if (filters.status !== undefined) {
    if (row.status === undefined) unknown = true
    else if (row.status !== filters.status) return FAILS
  }
  return unknown ? UNKNOWN : PASSES
}

/** Terms other than name words: phones, emails and tags must all match. */
export function matchesOtherTerms(row: IndexedRow, terms: SearchTerms): boolean {
  // A number may also be a word ("trade-fair-2026", "Suite 1200"), so either counts.
  for (const digits of terms.phones) if (!phoneMatches(row.phoneDigits, digits) && !row.text.includes(' ' + digits)) return false
  for (const email of terms.emails) if (!row.email.includes(email)) return false
  for (const tag of terms.tags) if (!row.tags.some((t) => t.startsWith(tag))) return false
  return true
}

/** A national number typed with its trunk 0 (`020 7946…`) still finds `+44 20 7946…`. */
function phoneMatches(phoneDigits: string, digits: string): boolean {
  if (phoneDigits.includes(digits)) return true
  return digits.startsWith('0') && digits.length > 4 && phoneDigits.includes(digits.slice(1))
}

/**
 * Every `note:` word is a word of the notes (` word word … `, see NoteWords.textOf): by prefix from
 * NOTE_WORD_MIN letters, whole when shorter.
 */
export function matchesNoteTerms(noteText: string, notes: readonly string[]): boolean {
  return notes.every((word) => noteText.includes(word.length >= NOTE_WORD_MIN ? ' ' + word : ` ${word} `))
}

/**
 * The tier of a row for the word terms, or NO_MATCH; `fuzzy` allows typos in name words; a word
 * of NOTE_WORD_MIN+ letters found only in `noteText` (the row's note words) makes it NOTE.
 */
export function wordTier(row: IndexedRow, words: readonly string[], fuzzy: boolean, noteText = ''): number {
  let tier = EXACT
  for (const word of words) {
    if (row.text.includes(' ' + word + ' ')) continue
    if (row.text.includes(' ' + word)) {
      tier = Math.max(tier, PREFIX)
      continue
    }
    if (alternateKeys(word).some((key) => row.text.includes(' ' + key))) {
      tier = Math.max(tier, ALTERNATE)
      continue
    }
    if (fuzzy && row.nameWords.some((candidate) => isTypoOf(word, candidate))) {
      tier = Math.max(tier, FUZZY)
      continue
    }
    if (word.length >= NOTE_WORD_MIN && noteText.includes(' ' + word)) {
      tier = NOTE
      continue
    }
    return NO_MATCH
  }
  return tier
}

/** True when `typed` is within its allowed edits of `word`, or of the start of `word`. */
export function isTypoOf(typed: string, word: string): boolean {
  const edits = allowedEdits(typed)
  if (edits === 0) return false
  if (withinEdits(typed, word, edits)) return true
  return word.length > typed.length && withinEdits(typed, word.slice(0, typed.length), edits)
}
