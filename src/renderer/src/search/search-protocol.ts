// The messages between the search client (page) and the search worker: calls answered by id, and one-way notices.
import type { ContactRow } from '../../../shared/contact'
import type { NoteExcerpt } from './note-excerpt'
import type { SearchFilters } from './row-match'

export type { NoteExcerpt } from './note-excerpt'
export type { SearchFilters } from './row-match'

export interface SearchRequest {
  text: string
  filters: SearchFilters
  offset: number
  limit: number
}

export interface SearchPage {
  rows: ContactRow[]
  total: number
  /** False while the worker's index loads: rows then come from a Dexie cursor over the first names. */
  ready: boolean
  /** Matches left out because the status or channel filtered on is not known yet (absent: none). */
  unknown?: number
  /** Rows of the page that matched through their notes, by contact id: the note piece that matched. */
  excerpts?: Record<number, NoteExcerpt>
}

/** What the worker reports once its index is built. */
export interface IndexReport {
  rows: number
  /** Where the rows came from (see db/snapshot.ts) and how long loading and indexing took. */
  source: 'snapshot' | 'table'
  loadMs: number
  buildMs: number
}

export interface TagCount {
  tag: string
  count: number
}

/** Calls the worker answers, each with its result type. */
export interface SearchCalls {
  /** Opens the account's mirror, loads it and builds the index; answered when ready. */
  /** `locale` orders names as the page's language does. */
  /** `key`: the account's data key (a CryptoKey clones into the worker, still not extractable); null: an unsealed mirror. */
  open: { args: { accountId: string; locale: string; key: CryptoKey | null }; result: IndexReport }
  /** The page's language changed: names are ordered again, as that language does. */
  setLocale: { args: { locale: string }; result: null }
  query: { args: SearchRequest; result: SearchPage }
  allIds: { args: { text: string; filters: SearchFilters }; result: number[] }
  /** Tags in use with how many contacts carry each, most used first (filters, tag pickers). */
  tags: { args: Record<string, never>; result: TagCount[] }
  /** Writes the cold-start snapshot from the worker, so the page never deserializes every row. */
  saveSnapshot: { args: Record<string, never>; result: number }
}

export type CallName = keyof SearchCalls

export type CallMessage = { [K in CallName]: { type: 'call'; id: number; name: K; args: SearchCalls[K]['args'] } }[CallName]

/**
 * Contact ids the page wrote or deleted (or every row), to re-read from the mirror; or contacts
 * whose notes the page wrote or deleted (or every contact's), to re-read their notes. No answer.
 */
export type NoticeMessage = { type: 'touched'; ids: number[] | 'all' } | { type: 'notesTouched'; contactIds: number[] | 'all' }

export type ToWorker = CallMessage | NoticeMessage

export type Reply = { type: 'reply'; id: number; ok: true; value: unknown } | { type: 'reply'; id: number; ok: false; message: string }

/** From the worker, unasked: touched rows reached the index, so shown results may have changed. */
export type IndexChanged = { type: 'indexChanged' }

export type FromWorker = Reply | IndexChanged
