// Finds the core rows that match every term from postings alone: one counter per row, no row objects read.
import { alternateKeys } from './alternate-words'
import { wordsOf } from './fold'
import type { SearchTerms } from './query'
import type { NotePostings } from './note-postings'
import { ALTERNATE, NOTE, NOTE_WORD_MIN, PREFIX, isTypoOf } from './row-match'
import { phoneCandidates, prefixRange, type WordIndex } from './word-index'
import { allowedEdits } from './edit-distance'

/**
 * Why: checking a row object costs ~0.5 µs (scattered memory), so a 1-letter prefix over 100k
 * rows took 15–30 ms. Postings are typed arrays read in order: intersecting them is ~20x cheaper.
 */
export interface Term {
  /** Word ranges [from, to) of the index whose rows match the term. */
  ranges: [number, number][]
  /** A word whose rows match exactly (whole word), or -1; its rows are not "prefix only". */
  exact: number
  /** Rows that may match besides the ranges (those holding a run of the phone digits: the row check decides). */
  extraRows: Int32Array[]
  /** Alternate word ranges (inside an unspaced name, a Latin spelling): rows matching only through them rank below. */
  alternateRanges: [number, number][]
  /** Ranges of the note words (NotePostings): for a typed word, rows matching only through them rank last. */
  noteRanges: [number, number][]
  /** Word terms set the tier (exact > prefix); tag, email, `note:` and filter terms do not. */
  tiered: boolean
  /** Postings to read, to start from the rarest term. */
  size: number
}

/**
 * The words of a query, as terms: whole and prefix matches, then alternate words (王小明 by 小明,
 * Иван by ivan); with `fuzzy`, name words within a typo match too.
 */
export function wordTerms(core: WordIndex, words: readonly string[], fuzzy: boolean): Term[] {
  return words.map((word) => {
    const range = prefixRange(core.words, word)
    const term = rangeTerm(core, [range], core.words[range[0]] === word ? range[0] : -1, true)
    for (const key of alternateKeys(word)) {
      const alternate = prefixRange(core.words, key)
      term.alternateRanges.push(alternate)
      term.size += size(core, alternate)
    }
    if (fuzzy && allowedEdits(word) > 0) {
      for (const w of typoWords(core, word)) {
        term.ranges.push([w, w + 1])
        term.size += size(core, [w, w + 1])
      }
    }
    return term
  })
}

/**
 * The same word terms matching words of notes too (for words of NOTE_WORD_MIN+ letters): new terms,
 * the given ones are kept for the pass without notes. `words` are the terms' words, in order.
 */
export function withNoteWords(terms: readonly Term[], notes: NotePostings, words: readonly string[]): Term[] {
  return terms.map((term, i) => {
    const noted = { ...term, noteRanges: [...term.noteRanges] }
    return words[i].length >= NOTE_WORD_MIN ? addNoteRange(notes, noted, words[i]) : noted
  })
}

/** Name words within a typo of `typed` (or whose start is), as indexes into `core.words`. */
function typoWords(core: WordIndex, typed: string): number[] {
  const found: number[] = []
  for (let length = typed.length - allowedEdits(typed); length < core.nameWordsByLength.length; length++) {
    for (const w of core.nameWordsByLength[length] ?? []) if (isTypoOf(typed, core.words[w])) found.push(w)
  }
  return found
}

/** Tag, `note:`, email and phone terms that narrow candidates; emails and phones still need a row check. */
export function otherTerms(core: WordIndex, notes: NotePostings, terms: SearchTerms, tagFilter: string | null): Term[] {
  const found: Term[] = terms.tags.map((tag) => rangeTerm(core, [prefixRange(core.words, '#' + tag)], -1, false))
  if (tagFilter !== null) {
    // Exactly this tag: only its own word's rows, no prefix range (no such word: no rows).
    const at = prefixRange(core.words, '#' + tagFilter)[0]
    const exact = core.words[at] === '#' + tagFilter ? at : -1
    found.push({ ...rangeTerm(core, [], exact, false), size: exact >= 0 ? size(core, [exact, exact + 1]) : 0 })
  }
  for (const word of terms.notes) found.push(noteTerm(core, notes, word))
  for (const email of terms.emails) {
    // Each word of the fragment starts a word of the email (as the fragment is taken to start one): rows holding
    // them all are a superset of the rows whose email contains it, far fewer than those of its rarest word.
    for (const word of wordsOf(email)) found.push(rangeTerm(core, [prefixRange(core.words, word)], -1, false))
  }
  for (const digits of terms.phones) found.push(phoneTerm(core, digits))
  return found
}

/** Words starting with the digits, and rows holding the digits' rarest run in their phone (a superset: the row check decides). */
function phoneTerm(core: WordIndex, digits: string): Term {
  const term = rangeTerm(core, [prefixRange(core.words, digits)], -1, false)
  const needles = digits.startsWith('0') && digits.length > 4 ? [digits, digits.slice(1)] : [digits]
  for (const needle of needles) {
    const rows = phoneCandidates(core, needle)
    term.extraRows.push(rows)
    term.size += rows.length
  }
  return term
}

function rangeTerm(core: WordIndex, ranges: [number, number][], exact: number, tiered: boolean): Term {
  return { ranges, exact, extraRows: [], alternateRanges: [], noteRanges: [], tiered, size: ranges.reduce((sum, range) => sum + size(core, range), 0) }
}

/**
 * A `note:` word: by prefix from NOTE_WORD_MIN letters; shorter, the whole word only (`note:p` on the
 * way to `note:price` would otherwise read the postings of every word starting with p).
 */
function noteTerm(core: WordIndex, notes: NotePostings, word: string): Term {
  const term = rangeTerm(core, [], -1, false)
  if (word.length >= NOTE_WORD_MIN) return addNoteRange(notes, term, word)
  const at = prefixRange(notes.words, word)[0]
  const range: [number, number] = notes.words[at] === word ? [at, at + 1] : [at, at]
  term.noteRanges.push(range)
  term.size += size(notes, range)
  return term
}

function addNoteRange(notes: NotePostings, term: Term, word: string): Term {
  const range = prefixRange(notes.words, word)
  term.noteRanges.push(range)
  term.size += size(notes, range)
  return term
}

const size = (index: { cumulative: Float64Array }, [from, to]: [number, number]) => index.cumulative[to] - index.cumulative[from]

/**
 * Counts, per row, the terms it matched, rarest term first; a row stays a candidate only while
 * it matched every earlier term, so `matched[r] === terms.length` marks the rows matching all.
 * `inexact[r]` holds the row's worst word match: 0 every word whole, PREFIX when some word matched
 * only as a prefix, ALTERNATE when some only through an alternate word, NOTE when some only in
 * the notes. The rows the first term matched (the only ones any later term can count) go to
 * `touched`, in no order, while they number at most `cap`; returns how many there were.
 */
export function countMatches(core: WordIndex, notes: NotePostings, terms: Term[], matched: Uint8Array, inexact: Uint8Array, touched: Int32Array, cap: number): number {
  terms.sort((a, b) => a.size - b.size)
  let count = 0
  /** Moves the rows of postings [at, end) that matched terms [0, t) on to t + 1, their match no better than `tier`. */
  const mark = (postings: Int32Array, at: number, end: number, t: number, tier: number) => {
    const next = t + 1
    for (; at < end; at++) {
      const r = postings[at]
      if (matched[r] !== t) continue
      matched[r] = next
      if (t === 0 && count++ < cap) touched[count - 1] = r
      if (inexact[r] < tier) inexact[r] = tier
    }
  }
  const { postings, cumulative } = core
  terms.forEach((term, t) => {
    // The whole word first: its rows are no prefix match.
    if (term.exact >= 0) mark(postings, cumulative[term.exact], cumulative[term.exact + 1], t, 0)
    const tier = term.tiered ? PREFIX : 0
    for (const [from, to] of term.ranges) {
      if (term.exact >= from && term.exact < to) {
        mark(postings, cumulative[from], cumulative[term.exact], t, tier)
        mark(postings, cumulative[term.exact + 1], cumulative[to], t, tier)
      } else mark(postings, cumulative[from], cumulative[to], t, tier)
    }
    for (const rows of term.extraRows) mark(rows, 0, rows.length, t, 0)
    // Last: a row the term's own words matched is not an alternate match.
    for (const [from, to] of term.alternateRanges) mark(postings, cumulative[from], cumulative[to], t, ALTERNATE)
    // Notes last of all: a row its name, email or tags matched is not a note match. A prefix range's rows are one run.
    for (const [from, to] of term.noteRanges) mark(notes.rows, notes.cumulative[from], notes.cumulative[to], t, term.tiered ? NOTE : 0)
  })
  return count
}
