// The messages between the import screen and the import worker.
import type { ParseProgress } from './csv-parse'
import type { ImportResult } from './import-error'
import type { ParsedFile } from './read-import-file'

/** `bytes` is transferred, not copied. */
export type ToImportWorker = { type: 'read'; id: number; bytes: ArrayBuffer }

export type FromImportWorker =
  | { type: 'progress'; id: number; progress: ParseProgress }
  | { type: 'read'; id: number; result: ImportResult<ParsedFile> }
