// The search worker's logic: load the mirror, build the index, answer ranked pages; plain code, no Worker API.
import type { ContactRow } from '../../../../shared/contact'
import type { ContactsDb } from '../database'
import { mergeRow } from '../merge'
import { loadMirrorRows, writeSnapshot } from '../snapshot'
import { SearchIndex } from './search-index'
import type { CallMessage, IndexReport, NoticeMessage, Reply, SearchFilters, SearchPage, SearchRequest } from './search-protocol'

/** A first page is ranked with a small limit; scrolling past it ranks every match once and caches it. */
const FIRST_PAGE = 100

interface Ranked {
  key: string
  ids: number[]
  total: number
}

export interface SearchService {
  open(accountId: string): Promise<IndexReport>
  /** Waits for the index when called before `open` finished. */
  query(request: SearchRequest): Promise<SearchPage>
  allIds(text: string, filters: SearchFilters): Promise<number[]>
  /** Applied at once when the index is built, otherwise queued until it is. */
  changed(rows: readonly ContactRow[]): void
  removed(ids: readonly number[]): void
  saveSnapshot(): Promise<number>
  /** Answers one message from the page: a reply for calls, null for notices. */
  handle(message: CallMessage | NoticeMessage): Promise<Reply | null>
}

export function createSearchService(openDb: (accountId: string) => Promise<ContactsDb>, now: () => number = () => performance.now()): SearchService {
  let db: ContactsDb | null = null
  let index: SearchIndex | null = null
  const rows = new Map<number, ContactRow>()
  /** Notices that arrived while the index was being built, replayed over it in order. */
  const queued: NoticeMessage[] = []
  let cache: Ranked | null = null
  let markBuilt: () => void = () => {}
  let failBuild: (error: unknown) => void = () => {}
  const built = new Promise<void>((resolve, reject) => {
    markBuilt = resolve
    failBuild = reject
  })
  // A failed open rejects the open call itself; later queries see the same error.
  built.catch(() => {})

  async function open(accountId: string): Promise<IndexReport> {
    try {
      const started = now()
      db = await openDb(accountId)
      const load = await loadMirrorRows(db)
      const loaded = now()
      for (const row of load.rows) rows.set(row.id, row)
      index = new SearchIndex(load.rows)
      for (const notice of queued.splice(0)) apply(notice)
      markBuilt()
      return { rows: index.size, source: load.source, loadMs: loaded - started, buildMs: now() - loaded }
    } catch (error) {
      failBuild(error)
      throw error
    }
  }

  function apply(notice: NoticeMessage): void {
    if (!index) {
      queued.push(notice)
      return
    }
    cache = null
    if (notice.type === 'changed') {
      // Merged over what we hold, so a partial row never blanks a known field.
      const merged = notice.rows.map((row) => mergeRow(rows.get(row.id), row))
      for (const row of merged) rows.set(row.id, row)
      index.upsert(merged)
    } else {
      for (const id of notice.ids) rows.delete(id)
      index.remove(notice.ids)
    }
  }

  /** The ranked ids of a query, at least `wanted` of them when there are that many. */
  function ranked(text: string, filters: SearchFilters, wanted: number): Ranked {
    const key = JSON.stringify([text, filters])
    if (cache && cache.key === key && (cache.ids.length >= wanted || cache.ids.length === cache.total)) return cache
    const limit = wanted <= FIRST_PAGE ? FIRST_PAGE : Infinity
    const result = (index as SearchIndex).search(text, filters, limit)
    cache = { key, ids: result.ids, total: result.total }
    return cache
  }

  async function query(request: SearchRequest): Promise<SearchPage> {
    await built
    const { ids, total } = ranked(request.text, request.filters, request.offset + request.limit)
    const page = ids.slice(request.offset, request.offset + request.limit)
    return { rows: page.map((id) => rows.get(id) as ContactRow), total, ready: true }
  }

  async function allIds(text: string, filters: SearchFilters): Promise<number[]> {
    await built
    return ranked(text, filters, Infinity).ids.slice()
  }

  async function saveSnapshot(): Promise<number> {
    await built
    return writeSnapshot(db as ContactsDb)
  }

  async function handle(message: CallMessage | NoticeMessage): Promise<Reply | null> {
    if (message.type !== 'call') {
      apply(message)
      return null
    }
    try {
      const value = await answer(message)
      return { type: 'reply', id: message.id, ok: true, value }
    } catch (error) {
      return { type: 'reply', id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) }
    }
  }

  function answer(message: CallMessage): Promise<unknown> {
    switch (message.name) {
      case 'open':
        return open(message.args.accountId)
      case 'query':
        return query(message.args)
      case 'allIds':
        return allIds(message.args.text, message.args.filters)
      case 'saveSnapshot':
        return saveSnapshot()
    }
  }

  return {
    open,
    query,
    allIds,
    changed: (changedRows) => apply({ type: 'changed', rows: changedRows.slice() }),
    removed: (ids) => apply({ type: 'removed', ids: ids.slice() }),
    saveSnapshot,
    handle,
  }
}
