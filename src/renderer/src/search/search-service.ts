// The search worker's logic: load the mirror, build the index, answer ranked pages; plain code, no Worker API.
import type { ContactRow } from '../../../shared/contact'
import type { ContactsDb } from '../db/database'
import { loadMirrorRows, writeSnapshot } from '../db/snapshot'
import { SearchIndex } from './search-index'
import { nameCollator } from './word-index'
import type { CallMessage, IndexReport, NoticeMessage, Reply, SearchFilters, SearchPage, SearchRequest, TagCount } from './search-protocol'

/** A first page is ranked with a small limit; scrolling past it ranks every match once and caches it. */
const FIRST_PAGE = 100

interface Ranked {
  key: string
  ids: number[]
  total: number
}

export interface SearchService {
  open(accountId: string, locale?: string, key?: CryptoKey | null): Promise<IndexReport>
  /** Orders names as another language does (after the index is built). */
  setLocale(locale: string): Promise<null>
  /** Waits for the index when called before `open` finished. */
  query(request: SearchRequest): Promise<SearchPage>
  allIds(text: string, filters: SearchFilters): Promise<number[]>
  /**
   * Re-reads the given ids (or every row) from the mirror into the index, in arrival order,
   * after the index is built; resolves once applied and `onIndexChanged` was told.
   */
  touched(ids: readonly number[] | 'all'): Promise<void>
  saveSnapshot(): Promise<number>
  tags(): Promise<TagCount[]>
  /** Answers one message from the page: a reply for calls, null for notices. */
  handle(message: CallMessage | NoticeMessage): Promise<Reply | null>
}

export interface SearchServiceOptions {
  now?: () => number
  /** Told after touched rows reached the index, so the page re-reads what it shows. */
  onIndexChanged?: () => void
}

export function createSearchService(openDb: (accountId: string, key: CryptoKey | null) => Promise<ContactsDb>, options: SearchServiceOptions = {}): SearchService {
  const now = options.now ?? (() => performance.now())
  let db: ContactsDb | null = null
  let index: SearchIndex | null = null
  const rows = new Map<number, ContactRow>()
  /** Touches are applied one after another, after the index is built. */
  let touches: Promise<void> = Promise.resolve()
  let cache: Ranked | null = null
  let markBuilt: () => void = () => {}
  let failBuild: (error: unknown) => void = () => {}
  const built = new Promise<void>((resolve, reject) => {
    markBuilt = resolve
    failBuild = reject
  })
  // A failed open rejects the open call itself; later queries see the same error.
  built.catch(() => {})

  /** The name order's language; a change before the index is built is used to build it. */
  let nameLocale = 'en'

  async function open(accountId: string, locale = nameLocale, key: CryptoKey | null = null): Promise<IndexReport> {
    nameLocale = locale
    try {
      const started = now()
      db = await openDb(accountId, key)
      const load = await loadMirrorRows(db)
      const loaded = now()
      for (const row of load.rows) rows.set(row.id, row)
      index = new SearchIndex(load.rows, nameLocale)
      markBuilt()
      return { rows: index.size, source: load.source, loadMs: loaded - started, buildMs: now() - loaded }
    } catch (error) {
      failBuild(error)
      throw error
    }
  }

  function touched(ids: readonly number[] | 'all'): Promise<void> {
    const wanted = ids === 'all' ? ids : ids.slice()
    touches = touches.then(() => built).then(() => reread(wanted)).catch(() => {})
    return touches
  }

  /** Reads rows as stored (already merged), so the index never holds a stale or partial copy. */
  async function reread(ids: readonly number[] | 'all'): Promise<void> {
    const mirror = db as ContactsDb
    const search = index as SearchIndex
    if (ids === 'all') {
      const all = await mirror.contacts.toArray()
      rows.clear()
      for (const row of all) rows.set(row.id, row)
      index = new SearchIndex(all, nameLocale)
    } else {
      const found = await mirror.contacts.bulkGet(ids as number[])
      const present = found.filter((row): row is ContactRow => row !== undefined)
      const gone = ids.filter((_, i) => found[i] === undefined)
      for (const row of present) rows.set(row.id, row)
      for (const id of gone) rows.delete(id)
      search.upsert(present)
      search.remove(gone)
    }
    cache = null
    options.onIndexChanged?.()
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

  async function tags(): Promise<TagCount[]> {
    await built
    const counts = new Map<string, number>()
    for (const row of rows.values()) for (const tag of row.tags ?? []) counts.set(tag, (counts.get(tag) ?? 0) + 1)
    const collator = nameCollator(nameLocale)
    return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || collator.compare(a.tag, b.tag))
  }

  async function saveSnapshot(): Promise<number> {
    await built
    await touches
    const search = index as SearchIndex
    search.compact()
    return writeSnapshot(db as ContactsDb)
  }

  async function handle(message: CallMessage | NoticeMessage): Promise<Reply | null> {
    if (message.type !== 'call') {
      await touched(message.ids)
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
        return open(message.args.accountId, message.args.locale, message.args.key)
      case 'setLocale':
        return setLocale(message.args.locale)
      case 'query':
        return query(message.args)
      case 'allIds':
        return allIds(message.args.text, message.args.filters)
      case 'saveSnapshot':
        return saveSnapshot()
      case 'tags':
        return tags()
    }
  }

  async function setLocale(locale: string): Promise<null> {
    nameLocale = locale
    await built
    index?.setLocale(locale)
    cache = null
    options.onIndexChanged?.()
    return null
  }

  return {
    open,
    setLocale,
    query,
    allIds,
    touched,
    saveSnapshot,
    tags,
    handle,
  }
}
