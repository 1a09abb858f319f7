// The immutable core of the search index: rows in name order, sorted distinct words with row postings.
import { rowWords, type IndexedRow } from './indexed-row'

const collators = new Map<string, Intl.Collator>()

/** Name order in a language: accents and case aside, numbers by value ("Zoë" after "Zoe" in English, "Ö" with "O" in German). */
export function nameCollator(locale: string): Intl.Collator {
  let collator = collators.get(locale)
  if (!collator) {
    collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })
    collators.set(locale, collator)
  }
  return collator
}

export interface WordIndex {
  /** Rows sorted by name: a row number is also its rank in name order. */
  rows: IndexedRow[]
  rowOfId: Map<number, number>
  /** Distinct words, sorted by code unit so a prefix is one contiguous range. */
  words: string[]
  /** Row numbers of each word, ascending. */
  postings: Int32Array[]
  /** cumulative[i] = postings of words[0..i), so a prefix range's size is one subtraction. */
  cumulative: Float64Array
  /** Name words (as indexes into `words`) by length, for typo lookup. */
  nameWordsByLength: number[][]
  /** Filter fields by row number, read without touching row objects (see row-candidates.ts). */
  types: (string | undefined)[]
  statuses: (string | undefined)[]
  blacklisted: Uint8Array
  /** Every row's phone digits joined by `|`, and where each row starts in it. */
  phoneText: string
  phoneStarts: Int32Array
}

export function buildWordIndex(source: readonly IndexedRow[], collator: Intl.Collator): WordIndex {
  const rows = [...source].sort((a, b) => collator.compare(a.sortName, b.sortName) || a.id - b.id)
  const rowOfId = new Map<number, number>()
  const lists = new Map<string, number[]>()
  const nameWords = new Set<string>()
  rows.forEach((row, r) => {
    rowOfId.set(row.id, r)
    // `#tag` words (never a typed word: those hold letters and digits only) find tags by prefix.
    for (const word of new Set([...rowWords(row), ...row.tags.map((tag) => '#' + tag)])) {
      const list = lists.get(word)
      if (list) list.push(r)
      else if (word !== '#') lists.set(word, [r])
    }
    for (const word of row.nameWords) nameWords.add(word)
  })
  const words = [...lists.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const postings = words.map((w) => Int32Array.from(lists.get(w)!))
  const cumulative = new Float64Array(words.length + 1)
  postings.forEach((p, i) => (cumulative[i + 1] = cumulative[i] + p.length))
  const nameWordsByLength: number[][] = []
  words.forEach((w, i) => {
    if (nameWords.has(w)) (nameWordsByLength[w.length] ??= []).push(i)
  })
  const phoneStarts = new Int32Array(rows.length)
  let offset = 0
  const phones = rows.map((row, r) => {
    phoneStarts[r] = offset
    offset += row.phoneDigits.length + 1
    return row.phoneDigits
  })
  return {
    rows,
    rowOfId,
    words,
    postings,
    cumulative,
    nameWordsByLength,
    types: rows.map((row) => row.type),
    statuses: rows.map((row) => row.status),
    blacklisted: Uint8Array.from(rows, (row) => (row.blacklisted ? 1 : 0)),
    phoneText: phones.join('|'),
    phoneStarts,
  }
}

/** Index of the first word >= `prefix`. */
export function lowerBound(words: readonly string[], prefix: string): number {
  let lo = 0
  let hi = words.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (words[mid] < prefix) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The range [from, to) of words starting with `prefix`. */
export function prefixRange(words: readonly string[], prefix: string): [number, number] {
  const from = lowerBound(words, prefix)
  let to = from
  // Every word in range starts with prefix; the range ends at the first that doesn't.
  let step = 1
  while (to + step <= words.length && words[to + step - 1].startsWith(prefix)) {
    to += step
    step *= 2
  }
  while (step > 0) {
    if (to + step <= words.length && words[to + step - 1].startsWith(prefix)) to += step
    step >>= 1
  }
  return [from, to]
}

/** The row whose phone digits contain `position` of the joined phone text. */
export function rowAtPhoneOffset(index: WordIndex, position: number): number {
  let lo = 0
  let hi = index.phoneStarts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if (index.phoneStarts[mid] <= position) lo = mid
    else hi = mid - 1
  }
  return lo
}
