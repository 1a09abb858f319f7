// Note words in the core's row order: sorted distinct words, each with the (ascending) core rows whose notes hold it.
import type { IndexedRow } from './indexed-row'
import type { NoteWords } from './note-words'

export interface NotePostings {
  /** Distinct note words of the core's rows, sorted by code unit so a prefix is one contiguous range. */
  words: string[]
  /** Core row numbers of each word, ascending. */
  postings: Int32Array[]
  /** cumulative[i] = postings of words[0..i), so a prefix range's size is one subtraction. */
  cumulative: Float64Array
}

export const NO_NOTES: NotePostings = { words: [], postings: [], cumulative: new Float64Array(1) }

/**
 * Counts first, then fills each word's exact-size array walking the rows in order: postings
 * come out sorted with no growing arrays (4.5M entries for 100k contacts with 3 notes each).
 */
export function buildNotePostings(rows: readonly IndexedRow[], notes: NoteWords): NotePostings {
  if (notes.contacts === 0) return NO_NOTES
  const dictionary = notes.dictionary
  const counts = new Int32Array(dictionary.length)
  for (const row of rows) {
    const ids = notes.wordIdsOf(row.id)
    if (ids) for (const id of ids) counts[id]++
  }
  const used: number[] = []
  counts.forEach((count, id) => count > 0 && used.push(id))
  used.sort((a, b) => (dictionary[a] < dictionary[b] ? -1 : dictionary[a] > dictionary[b] ? 1 : 0))
  const slot = new Int32Array(dictionary.length)
  const postings = used.map((id, i) => {
    slot[id] = i
    return new Int32Array(counts[id])
  })
  const filled = new Int32Array(used.length)
  rows.forEach((row, r) => {
    const ids = notes.wordIdsOf(row.id)
    if (!ids) return
    for (const id of ids) {
      const s = slot[id]
      postings[s][filled[s]++] = r
    }
  })
  const cumulative = new Float64Array(used.length + 1)
  postings.forEach((p, i) => (cumulative[i + 1] = cumulative[i] + p.length))
  return { words: used.map((id) => dictionary[id]), postings, cumulative }
}
