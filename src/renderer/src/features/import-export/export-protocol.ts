// The messages between the export run on the page and the export worker, which reads the mirror and writes the file's text off the window's thread.

export type ExportKind = 'csv' | 'vcard-4.0' | 'vcard-3.0'

export interface ExportJob {
  /** Whose mirror the contacts come from. */
  accountId: string
  /** The contacts, in the order to write them; 'all' writes every contact by name. */
  ids: number[] | 'all'
  kind: ExportKind
  /** Write each contact's notes (those on this device). */
  notes: boolean
  /** The language whose name order 'all' follows. */
  locale: string
}

/**
 * `export.write` calls the page keeps in flight: under load each waits mostly on other processes
 * (page, browser, main), so several at once take less time than one after the other.
 */
export const WRITES_IN_FLIGHT = 3
/**
 * Chunks the worker sends ahead of the page's finished writes: the page always has the next one at
 * hand, and holds a few MB at most, however big the file.
 */
export const CHUNKS_AHEAD = WRITES_IN_FLIGHT + 1

/** `key`: the account's data key for its sealed mirror (null: unsealed). `more`: the page wrote a chunk, the worker may send one more. */
export type ToExportWorker = { type: 'export'; job: ExportJob; key: CryptoKey | null } | { type: 'more' }

export type FromExportWorker =
  | { type: 'total'; count: number }
  /** At most EXPORT_CHUNK_BYTES as JSON; `written`: the contacts the file holds once it is written. */
  | { type: 'chunk'; text: string; written: number }
  | { type: 'end' }
  | { type: 'failed'; message: string }
