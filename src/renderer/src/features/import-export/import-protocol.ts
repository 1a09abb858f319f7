// The messages between the import screen and the import worker: read a file, then preview it against the mirror as often as the mapping changes.
import type { CandidateOptions } from './candidate'
import type { ColumnMapping } from './column-mapping'
import type { CsvDelimiter, CsvProblem, ParseProgress } from './csv-parse'
import type { TextEncodingName } from './decode-text'
import type { ImportResult } from './import-error'
import type { ImportPreview } from './import-preview'

/** What the mapping screen shows of a read file; the records themselves stay in the worker. */
export interface FileSummary {
  format: 'csv' | 'vcard'
  encoding: TextEncodingName
  /** CSV records (a header row included) or vCard cards. */
  records: number
  /** CSV: the first records' cells, for column names and sample values; empty for vCard. */
  head: string[][]
  /** CSV: the detected mapping; null for vCard. */
  mapping: ColumnMapping | null
  delimiter: CsvDelimiter | null
  /** Records the parser had to guess at (an unclosed quote). */
  problems: CsvProblem[]
}

export interface PreviewRequest {
  /** Whose mirror the rows are checked against. */
  accountId: string
  /** The user's mapping of a CSV (null: the detected one; ignored for vCard). */
  mapping: ColumnMapping | null
  options: CandidateOptions
}

/** `bytes` is transferred, not copied. */
export type ToImportWorker =
  /**
   * `accountId`: whose mirror the preview will check against; the worker loads it while the user maps the columns.
   * `key`: that account's data key for its sealed mirror (null: unsealed).
   */
  | { type: 'read'; id: number; name: string; bytes: ArrayBuffer; accountId?: string; key?: CryptoKey | null }
  | { type: 'preview'; id: number; request: PreviewRequest; key: CryptoKey | null }

export type FromImportWorker =
  | { type: 'progress'; id: number; progress: ParseProgress }
  | { type: 'read'; id: number; result: ImportResult<FileSummary> }
  | { type: 'preview'; id: number; result: ImportResult<ImportPreview> }
