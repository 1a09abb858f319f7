// Reads CSV text into rows with papaparse, slice by slice: guesses the delimiter, keeps quoted newlines, reports progress, stops at the row limit.
import Papa from 'papaparse'
import { importErrors, MAX_ROWS, readOk, type ImportResult } from './import-error'

export type CsvDelimiter = ',' | ';' | '\t' | '|'
export const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|']

export interface CsvRecord {
  /** 1-based record number in the file, the row number a spreadsheet shows (a quoted newline stays in one record). */
  line: number
  cells: string[]
}

/** A record the parser read only by guessing: a quote never closed, or one where none belongs (papaparse's codes, as ours). */
export interface CsvProblem {
  line: number
  kind: 'unclosed_quote' | 'stray_quote' | 'other'
}

const PROBLEM_KINDS: Record<string, CsvProblem['kind']> = { MissingQuotes: 'unclosed_quote', InvalidQuotes: 'stray_quote' }

export interface CsvTable {
  records: CsvRecord[]
  delimiter: CsvDelimiter
  /** Things papaparse could read only by guessing (an unclosed quote), with the record they start at. */
  problems: CsvProblem[]
}

export interface ParseProgress {
  /** Characters read so far. */
  done: number
  /** All characters, when known (text input); 0 for a stream of chunks. */
  total: number
}

export interface CsvParseOptions {
  /** Default: guessed from the first rows among , ; TAB | */
  delimiter?: CsvDelimiter
  maxRows?: number
  onProgress?: (progress: ParseProgress) => void
}

/** Text handed to the parser at once: small enough for frequent progress, large enough to be fast. */
const SLICE_CHARS = 512 * 1024
/** Enough of the start of a stream to guess the delimiter and line ending from. */
const GUESS_CHARS = 64 * 1024

function* slices(text: string): Generator<string> {
  for (let start = 0; start < text.length; start += SLICE_CHARS) yield text.slice(start, start + SLICE_CHARS)
}

type Newline = '\r\n' | '\n' | '\r'

function guessLayout(start: string, delimiter: CsvDelimiter | undefined): { delimiter: CsvDelimiter; newline: Newline } {
  const guess = Papa.parse<string[]>(start, { preview: 10, skipEmptyLines: true, delimiter: delimiter ?? '', delimitersToGuess: [...CSV_DELIMITERS] })
  const found = guess.meta.delimiter as CsvDelimiter
  return { delimiter: CSV_DELIMITERS.includes(found) ? found : ',', newline: (guess.meta.linebreak as Newline) || '\n' }
}

const isBlank = (cells: string[]): boolean => cells.every((cell) => cell.trim() === '')

/**
 * Parses CSV given whole or as a stream of chunks (as a worker reading a file would): rows are cut
 * where the parser's cursor says a record ended, so a quoted newline split across chunks stays whole.
 * Blank records are dropped; more than `maxRows` other records fail with a message.
 */
export function parseCsv(input: string | Iterable<string>, options: CsvParseOptions = {}): ImportResult<CsvTable> {
  const maxRows = options.maxRows ?? MAX_ROWS
  const total = typeof input === 'string' ? input.length : 0
  const chunks = (typeof input === 'string' ? slices(input) : input)[Symbol.iterator]()

  let pending = ''
  let ended = false
  // Gather enough of the start to guess from.
  while (pending.length < GUESS_CHARS && !ended) {
    const next = chunks.next()
    if (next.done) ended = true
    else pending += next.value
  }
  const layout = guessLayout(pending.slice(0, GUESS_CHARS), options.delimiter)
  const parser = new Papa.Parser({ delimiter: layout.delimiter, newline: layout.newline, quoteChar: '"' })

  const table: CsvTable = { records: [], delimiter: layout.delimiter, problems: [] }
  let base = 0
  let line = 0
  for (;;) {
    const last = ended
    const results = parser.parse(pending, base, !last) as Papa.ParseResult<string[]>
    for (const error of results.errors) table.problems.push({ line: line + (error.row ?? 0) + 1, kind: PROBLEM_KINDS[error.code] ?? 'other' })
    for (const cells of results.data) {
      line++
      if (isBlank(cells)) continue
      if (table.records.length >= maxRows) return importErrors.tooManyRows(maxRows)
      table.records.push({ line, cells })
    }
    const cursor = results.meta.cursor
    pending = pending.slice(cursor - base)
    base = cursor
    options.onProgress?.({ done: base, total })
    if (last) break
    const next = chunks.next()
    if (next.done) ended = true
    else pending += next.value
  }
  return readOk(table)
}
