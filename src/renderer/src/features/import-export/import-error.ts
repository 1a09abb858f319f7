// What can stop a file from being read, as codes (with the numbers they name) the import screen puts into words, and the limits behind them.

/** A file larger than this is refused before it is decoded: 50 MB is some 300,000 spreadsheet rows. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024
/** More rows than this are refused as soon as the parser reaches them (the mirror is sized for 100k contacts). */
export const MAX_ROWS = 100_000

export type ImportErrorKind =
  | 'empty'
  | 'too_large'
  | 'too_many_rows'
  | 'binary'
  | 'spreadsheet'
  | 'not_contacts'
  /** The worker failed to read the file; `detail` is the browser's own words. */
  | 'unreadable'
  /** The worker failed to check the rows; `detail` is the error's own words. */
  | 'unchecked'
  | 'no_file'
  | 'closed'
  /** The outbox refused the import; `detail` is its own words. */
  | 'not_queued'

/** Values of different kinds travel between the worker and the page, so they stay plain data; words come at display. */
export interface ImportError {
  kind: ImportErrorKind
  /** too_large: the file's size. */
  bytes?: number
  /** too_many_rows: the most rows a file may have. */
  limit?: number
  detail?: string
}

export type ImportResult<T> = { ok: true; data: T } | { ok: false; error: ImportError }

export const readOk = <T>(data: T): ImportResult<T> => ({ ok: true, data })
export const readFail = <T = never>(kind: ImportErrorKind, values: Omit<ImportError, 'kind'> = {}): ImportResult<T> => ({ ok: false, error: { kind, ...values } })

export const importErrors = {
  empty: (): ImportResult<never> => readFail('empty'),
  tooLarge: (bytes: number): ImportResult<never> => readFail('too_large', { bytes }),
  tooManyRows: (limit: number = MAX_ROWS): ImportResult<never> => readFail('too_many_rows', { limit }),
  binary: (): ImportResult<never> => readFail('binary'),
  spreadsheet: (): ImportResult<never> => readFail('spreadsheet'),
  notContacts: (): ImportResult<never> => readFail('not_contacts'),
}
