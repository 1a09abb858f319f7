// The page's handle on contact search: ranked pages from the search worker, cursor rows until it is ready.
import type { ContactsDb } from '../db/database'
import { mirrorKey } from '../db/mirror-keys'
import { cursorPage } from './cursor-page'
import { createCorrelator } from './request-correlator'
import type { FromWorker, IndexReport, SearchFilters, SearchPage, SearchRequest, TagCount, ToWorker } from './search-protocol'
import { SearchStopped } from './search-stopped'

export type { IndexReport, NoteExcerpt, SearchFilters, SearchPage, SearchRequest, TagCount } from './search-protocol'

export interface SearchClient {
  /**
   * Ranked rows [offset, offset+limit) and the match total. Before the index is ready: the
   * first rows by name from a Dexie cursor, total = all rows (text and filters applied to the
   * first rows only), ready = false.
   */
  query(request: SearchRequest): Promise<SearchPage>
  /** Every matching id, ranked (for select-all); waits for the index. */
  allIds(text: string, filters: SearchFilters): Promise<number[]>
  /** Contacts written or deleted in the mirror (db/contact-writes.ts), or every row: the worker re-reads them. */
  touched(ids: number[] | 'all'): void
  /** Contacts whose notes were written or deleted in the mirror (db/note-writes.ts), or all: the worker re-reads their notes. */
  notesTouched(contactIds: number[] | 'all'): void
  /** Called whenever touched rows reached the index: what is shown may have changed. */
  onIndexChanged(listener: () => void): () => void
  /** Tags in use, most used first; waits for the index. */
  tags(): Promise<TagCount[]>
  /** Orders names as another language does (the page's language changed); the index tells when it is done. */
  setLocale(locale: string): void
  /** Writes the cold-start snapshot (db/snapshot.ts) inside the worker; call after a completed pull. */
  saveSnapshot(): Promise<number>
  /** Resolves when the worker's index is built (and marks `skylight:search-ready`). */
  readonly ready: Promise<void>
  close(): void
}

export interface SearchClientOptions {
  /** Starts the worker; tests pass one that runs the search service in-process. */
  worker?: () => Worker
  /** The page's open mirror, for cursor rows while the index loads (the caller closes it). */
  db: ContactsDb
  /** The language whose name order the index follows; English when not given. */
  locale?: string
}

/** The real worker; Vite bundles it from this exact `new Worker(new URL(...))` expression. */
function startSearchWorker(): Worker {
  return new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'skylight-search' })
}

export function createSearchClient(accountId: string, options: SearchClientOptions): SearchClient {
  const worker = (options.worker ?? startSearchWorker)()
  const post = (message: ToWorker) => worker.postMessage(message)
  const correlator = createCorrelator(post)
  const indexListeners = new Set<() => void>()
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    if (event.data.type === 'indexChanged') for (const listener of [...indexListeners]) listener()
    else correlator.settle(event.data)
  }
  worker.onerror = (event: ErrorEvent) => correlator.failAll(new SearchStopped({ code: 'workerFailed', detail: event.message }))

  let isReady = false
  let closed = false
  const ready = correlator.call('open', { accountId, locale: options.locale ?? 'en', key: mirrorKey(accountId) ?? null }).then((report: IndexReport) => {
    isReady = true
    performance.mark('skylight:search-ready', { detail: report })
  })
  // Callers who never await `ready` still get cursor rows; the failure must not go unhandled.
  ready.catch(() => {})

  return {
    async query(request) {
      if (isReady) return correlator.call('query', request)
      return cursorPage(options.db, request)
    },
    async allIds(text, filters) {
      await ready
      return correlator.call('allIds', { text, filters })
    },
    touched(ids) {
      if (!closed && ids.length) post({ type: 'touched', ids })
    },
    notesTouched(contactIds) {
      if (!closed && contactIds.length) post({ type: 'notesTouched', contactIds })
    },
    onIndexChanged(listener) {
      indexListeners.add(listener)
      return () => indexListeners.delete(listener)
    },
    setLocale(locale) {
      if (!closed) correlator.call('setLocale', { locale }).catch(() => {})
    },
    saveSnapshot() {
      return correlator.call('saveSnapshot', {})
    },
    async tags() {
      await ready
      return correlator.call('tags', {})
    },
    ready,
    close() {
      if (closed) return
      closed = true
      indexListeners.clear()
      worker.terminate()
      correlator.failAll(new SearchStopped({ code: 'closed' }))
    },
  }
}
