// The immutable core of the search index: rows in name order, sorted distinct words with row postings.
import { nameIndexWords, otherIndexWords, type IndexedRow } from './indexed-row'

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
  /** Every word's row numbers, ascending, one run after the other: word i's are `postings[cumulative[i] .. cumulative[i + 1])`. */
  postings: Int32Array
  /** cumulative[i] = postings of words[0..i): where word i's rows start, and a prefix range's rows are one run. */
  cumulative: Float64Array
  /** Name words (as indexes into `words`) by length, for typo lookup. */
  nameWordsByLength: number[][]
  /** Filter fields by row number, read without touching row objects (see row-candidates.ts). */
  types: (string | undefined)[]
  statuses: (string | undefined)[]
  blacklisted: Uint8Array
  /**
   * The phone runs (see PhoneRuns), built on first call: after "search ready", as the worker warms the index,
   * or by the first phone search if it comes sooner. At 500k they are a tenth of the build.
   */
  phoneRuns: () => PhoneRuns
}

/**
 * Rows by the PHONE_GRAM-digit runs of their phone: run g's rows are `rows[starts[g] .. starts[g + 1])`, ascending.
 * Digits typed anywhere in a number are looked up by their rarest run.
 */
export interface PhoneRuns {
  starts: Int32Array
  rows: Int32Array
}

/** Phone digits are indexed by runs of this many: a typed phone fragment has at least as many (query.ts). */
export const PHONE_GRAM = 4
const PHONE_GRAMS = 10 ** PHONE_GRAM

/**
 * Why one array of postings and one of phone runs: 500k contacts hold ~4M word entries; a small array per
 * word and a Map of growing lists made the build mostly garbage collection, and a search of phone digits
 * scanned every number (6 MB of text at 500k) where a run's rows are ~1/1000 of them.
 */
export function buildWordIndex(source: readonly IndexedRow[], collator: Intl.Collator): WordIndex {
  const rows = byName(source, collator)
  const rowOfId = new Map<number, number>()
  const idOfWord = new Map<string, number>()
  const wordList: string[] = []
  const nameWords = new Set<string>()
  /** The word ids of a name's index words, by its array of name words: rows of one name share it (indexed-row.ts). */
  const nameIds = new Map<readonly string[], number[]>()
  /** Every row's word ids, one run per row; `rowStarts[r]` is where row r's run begins. */
  let pool = new Int32Array(Math.max(1024, rows.length * 8))
  const rowStarts = new Int32Array(rows.length + 1)
  let used = 0
  const idOf = (word: string) => {
    let id = idOfWord.get(word)
    if (id === undefined) {
      id = wordList.length
      idOfWord.set(word, id)
      wordList.push(word)
    }
    return id
  }
  /** Adds a word id to the row's run (from `from`) unless it holds it already (-1: it does not); a row's runs are short. */
  const add = (id: number, from: number) => {
    if (from >= 0) for (let at = from; at < used; at++) if (pool[at] === id) return
    if (used === pool.length) {
      const grown = new Int32Array(pool.length * 2)
      grown.set(pool)
      pool = grown
    }
    pool[used++] = id
  }
  rows.forEach((row, r) => {
    rowOfId.set(row.id, r)
    const from = used
    rowStarts[r] = from
    // The words `text` holds (indexed-row.ts), without splitting it: the name's ids once per name.
    let ids = nameIds.get(row.nameWords)
    if (!ids) {
      ids = nameIndexWords(row.nameWords).map(idOf)
      nameIds.set(row.nameWords, ids)
      for (const word of row.nameWords) nameWords.add(word)
    }
    // A name's index words are distinct.
    for (const id of ids) add(id, -1)
    for (const word of otherIndexWords(row.email, row.tags)) add(idOf(word), from)
    // `#tag` words (never a typed word: those hold letters and digits only) find tags by prefix.
    for (const tag of row.tags) if (tag !== '') add(idOf('#' + tag), from)
  })
  rowStarts[rows.length] = used
  let runs: PhoneRuns | null = null
  const order = Array.from(wordList.keys()).sort((a, b) => (wordList[a] < wordList[b] ? -1 : wordList[a] > wordList[b] ? 1 : 0))
  const words = order.map((id) => wordList[id])
  const counts = new Int32Array(wordList.length)
  for (let at = 0; at < used; at++) counts[pool[at]]++
  // next[id]: where the word's next row goes in `postings`.
  const next = new Float64Array(wordList.length)
  const cumulative = new Float64Array(words.length + 1)
  order.forEach((id, i) => {
    next[id] = cumulative[i]
    cumulative[i + 1] = cumulative[i] + counts[id]
  })
  const postings = new Int32Array(used)
  for (let r = 0; r < rows.length; r++) for (let at = rowStarts[r]; at < rowStarts[r + 1]; at++) postings[next[pool[at]]++] = r
  const nameWordsByLength: number[][] = []
  words.forEach((w, i) => {
    if (nameWords.has(w)) (nameWordsByLength[w.length] ??= []).push(i)
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
    phoneRuns: () => (runs ??= phoneGrams(rows)),
  }
}

/**
 * Rows in name order (then by id). Names repeat (a few dozen "Sarah Johnson"s in 100k): the collator, ~1 µs a
 * comparison, orders the distinct names once, and the rows are put in order by those ranks.
 */
function byName(source: readonly IndexedRow[], collator: Intl.Collator): IndexedRow[] {
  const names = [...new Set(source.map((row) => row.sortName))].sort(collator.compare)
  const rankOf = new Map<string, number>()
  // Names the collator holds equal ("Zoe", "zoe") share a rank: the id decides between them, as before.
  names.forEach((name, i) => rankOf.set(name, i > 0 && collator.compare(names[i - 1], name) === 0 ? rankOf.get(names[i - 1])! : i))
  // A counting sort by rank keeps the source's order within a rank: by id already when read from the mirror.
  const ranks = Int32Array.from(source, (row) => rankOf.get(row.sortName)!)
  const starts = new Int32Array(names.length + 1)
  for (const rank of ranks) starts[rank + 1]++
  for (let rank = 0; rank < names.length; rank++) starts[rank + 1] += starts[rank]
  const next = starts.slice(0, names.length)
  const rows: IndexedRow[] = new Array(source.length)
  source.forEach((row, i) => (rows[next[ranks[i]]++] = row))
  for (let rank = 0; rank < names.length; rank++) sortRunById(rows, starts[rank], starts[rank + 1])
  return rows
}

/** Sorts rows [from, to) by id, when they are not in that order already. */
function sortRunById(rows: IndexedRow[], from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    if (rows[i - 1].id > rows[i].id) {
      const run = rows.slice(from, to).sort((a, b) => a.id - b.id)
      for (let j = 0; j < run.length; j++) rows[from + j] = run[j]
      return
    }
  }
}

/**
 * The phone run index of rows (see PhoneRuns): a row under each run of its digits, once per time its number holds
 * the run (a repeat only counts the row twice: a term takes a row once).
 */
function phoneGrams(rows: readonly IndexedRow[]): PhoneRuns {
  const starts = new Int32Array(PHONE_GRAMS + 1)
  for (const row of rows) {
    const digits = row.phoneDigits
    for (let i = 0, gram = 0; i < digits.length; i++) {
      gram = (gram * 10 + digits.charCodeAt(i) - 48) % PHONE_GRAMS
      if (i + 1 >= PHONE_GRAM) starts[gram + 1]++
    }
  }
  for (let g = 0; g < PHONE_GRAMS; g++) starts[g + 1] += starts[g]
  const next = starts.slice(0, PHONE_GRAMS)
  const phoneRows = new Int32Array(starts[PHONE_GRAMS])
  for (let r = 0; r < rows.length; r++) {
    const digits = rows[r].phoneDigits
    for (let i = 0, gram = 0; i < digits.length; i++) {
      gram = (gram * 10 + digits.charCodeAt(i) - 48) % PHONE_GRAMS
      if (i + 1 >= PHONE_GRAM) phoneRows[next[gram]++] = r
    }
  }
  return { starts, rows: phoneRows }
}

/** The rows whose phone digits may contain `digits` (PHONE_GRAM or more): those holding its rarest run, ascending. */
export function phoneCandidates(index: WordIndex, digits: string): Int32Array {
  const runs = index.phoneRuns()
  let best: Int32Array | null = null
  for (let i = 0; i + PHONE_GRAM <= digits.length; i++) {
    const gram = Number(digits.slice(i, i + PHONE_GRAM))
    const rows = runs.rows.subarray(runs.starts[gram], runs.starts[gram + 1])
    if (best === null || rows.length < best.length) best = rows
  }
  return best ?? new Int32Array(0)
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
