// What can stop a file from being read, as values the import screen shows word for word, and the limits behind them.

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

export interface ImportError {
  kind: ImportErrorKind
  /** A sentence for the user: what is wrong and what to do. */
  message: string
}

export type ImportResult<T> = { ok: true; data: T } | { ok: false; error: ImportError }

export const readOk = <T>(data: T): ImportResult<T> => ({ ok: true, data })
export const readFail = <T = never>(kind: ImportErrorKind, message: string): ImportResult<T> => ({ ok: false, error: { kind, message } })

const megabytes = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`

export const importErrors = {
  empty: (): ImportResult<never> => readFail('empty', 'The file is empty: there is nothing to import.'),
  tooLarge: (bytes: number): ImportResult<never> =>
    readFail('too_large', `The file is ${megabytes(bytes)}; files up to ${megabytes(MAX_FILE_BYTES)} can be imported. Split it into smaller files.`),
  tooManyRows: (limit: number = MAX_ROWS): ImportResult<never> =>
    readFail('too_many_rows', `The file has more than ${limit.toLocaleString('en')} contacts; import it in parts of at most that many.`),
  binary: (): ImportResult<never> =>
    readFail('binary', 'This file is not text: choose a CSV file (.csv, .txt) or a vCard file (.vcf).'),
  spreadsheet: (): ImportResult<never> =>
    readFail('spreadsheet', 'This is a spreadsheet workbook, not CSV: in Excel or Numbers, save or export it as "CSV UTF-8" and import that file.'),
  notContacts: (): ImportResult<never> =>
    readFail('not_contacts', 'No contacts were found in this file: it needs a column with names, phones or emails, or vCard entries.'),
}
