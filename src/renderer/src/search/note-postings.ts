// Note words in the core's row order: sorted distinct words, each with the (ascending) core rows whose notes hold it.
import type { IndexedRow } from './indexed-row'
import type { NoteWords } from './note-words'

export interface NotePostings {
  /** Distinct note words of the core's rows, sorted by code unit so a prefix is one contiguous range. */
  words: string[]
  /** Every word's core row numbers, ascending, one run after the other: word i's are `rows[cumulative[i] .. cumulative[i + 1])`. */
  rows: Int32Array
  /** cumulative[i] = postings of words[0..i): where word i's rows start, and a prefix range's size in one subtraction. */
  cumulative: Float64Array
}

export const NO_NOTES: NotePostings = { words: [], rows: new Int32Array(0), cumulative: new Float64Array(1) }

/**
 * Counts first, then fills each word's run walking the rows in order: postings come out sorted, in
 * one array (4.5M entries for 100k contacts with 3 notes each; 40k small arrays slowed the worker's
 * garbage collections).
 */
export function buildNotePostings(rows: readonly IndexedRow[], notes: NoteWords): NotePostings {
  if (notes.contacts === 0) return NO_NOTES
  const dictionary = notes.dictionary
  const pool = notes.pool
  const counts = new Int32Array(dictionary.length)
  for (const row of rows) {
    const from = notes.offsetOf(row.id)
    if (from < 0) continue
    for (let at = from, end = from + notes.countOf(row.id); at < end; at++) counts[pool[at]]++
  }
  const used: number[] = []
  counts.forEach((count, id) => count > 0 && used.push(id))
  used.sort((a, b) => (dictionary[a] < dictionary[b] ? -1 : dictionary[a] > dictionary[b] ? 1 : 0))
  // next[id]: where the word's next row goes in `postings`.
  const next = new Float64Array(dictionary.length)
  const cumulative = new Float64Array(used.length + 1)
  used.forEach((id, i) => {
    next[id] = cumulative[i]
    cumulative[i + 1] = cumulative[i] + counts[id]
  })
  const postings = new Int32Array(cumulative[used.length])
  rows.forEach((row, r) => {
    const from = notes.offsetOf(row.id)
    if (from < 0) return
    for (let at = from, end = from + notes.countOf(row.id); at < end; at++) postings[next[pool[at]]++] = r
  })
  return { words: used.map((id) => dictionary[id]), rows: postings, cumulative }
}
