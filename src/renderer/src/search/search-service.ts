// The search worker's logic: load the mirror, build the index, then index the notes; answer ranked pages; plain code, no Worker API.
import type { ContactRow } from '../../../shared/contact'
import type { ContactsDb } from '../db/database'
import { notesByContact, readNotesInBatches } from '../db/notes-reads'
import { loadMirrorRows, writeSnapshot } from '../db/snapshot'
import { noteExcerpt } from './note-excerpt'
import { SearchIndex } from './search-index'
import { nameCollator } from './word-index'
import type { CallMessage, IndexReport, NoteExcerpt, NoticeMessage, Reply, SearchFilters, SearchPage, SearchRequest, TagCount } from './search-protocol'

/** A first page is ranked with a small limit; scrolling past it ranks every match once and caches it. */
const FIRST_PAGE = 100
/** Contacts whose notes one read takes while the notes load: queries are answered between reads. */
const NOTE_BATCH = 2000

interface Ranked {
  key: string
  ids: number[]
  total: number
  unknown: number
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
  /**
   * Re-reads the notes of the given contacts (or of every contact) into the index, once the
   * notes first loaded; resolves once applied and `onIndexChanged` was told.
   */
  notesTouched(contactIds: readonly number[] | 'all'): Promise<void>
  /** Resolves once every contact's notes are indexed (they load after the index is ready, never delaying it). */
  readonly notesLoaded: Promise<void>
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
  /** What the index reads of a contact's notes: their text. */
  const contentsOf = (notes: readonly { content: string }[] | undefined) => (notes ?? []).map((note) => note.content)
  let markBuilt: () => void = () => {}
  let failBuild: (error: unknown) => void = () => {}
  const built = new Promise<void>((resolve, reject) => {
    markBuilt = resolve
    failBuild = reject
  })
  // A failed open rejects the open call itself; later queries see the same error.
  built.catch(() => {})
  let noteTouches: Promise<void> = Promise.resolve()
  // A turn of the event loop first: the open call's answer ("search ready") leaves before the phone runs are built
  // and any note is read.
  let notesLoaded = built
    .then(() => new Promise((resolve) => setTimeout(resolve, 0)))
    .then(() => {
      index?.warmUp()
      return loadNotes()
    })
  notesLoaded.catch(() => {})

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
      // The notes already read stay: they are keyed by contact, not by row order.
      index = new SearchIndex(all, nameLocale, search.notes)
      index.warmUp()
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

  /** Every contact's notes, a batch at a time; then indexed in one pass. A failed read leaves search without notes. */
  async function loadNotes(): Promise<void> {
    const mirror = db as ContactsDb
    await readNotesInBatches(mirror, [...rows.keys()], NOTE_BATCH, (notes, ids) => {
      const search = index as SearchIndex
      for (const id of ids) search.readNotes(id, contentsOf(notes.get(id)))
    })
    const search = index as SearchIndex
    search.notesRead()
    // No notes (yet): nothing shown can have changed.
    if (search.notes.contacts === 0) return
    cache = null
    options.onIndexChanged?.()
  }

  /**
   * Contacts whose notes changed and are not re-read yet. Hydration writes one contact's notes a
   * transaction: touches that arrive while a read is running are read together, in one read.
   */
  let notesDue: Set<number> | 'all' | null = null

  function notesTouched(contactIds: readonly number[] | 'all'): Promise<void> {
    if (contactIds === 'all') notesDue = 'all'
    else if (notesDue !== 'all') {
      notesDue ??= new Set()
      for (const id of contactIds) notesDue.add(id)
    }
    noteTouches = noteTouches
      .then(() => notesLoaded)
      .then(() => {
        const due = notesDue
        notesDue = null
        if (due) return rereadNotes(due === 'all' ? due : [...due])
      })
      .catch(() => {})
    return noteTouches
  }

  async function rereadNotes(contactIds: readonly number[] | 'all'): Promise<void> {
    const search = index as SearchIndex
    if (contactIds === 'all') {
      search.notes.clear()
      notesLoaded = loadNotes()
      return notesLoaded
    }
    const notes = await notesByContact(db as ContactsDb, contactIds)
    for (const id of contactIds) (index as SearchIndex).setNotes(id, contentsOf(notes.get(id)))
    cache = null
    options.onIndexChanged?.()
  }

  /** The note piece that made each shown contact match, for those that matched through notes. */
  async function excerptsFor(ids: readonly number[], text: string): Promise<Record<number, NoteExcerpt> | undefined> {
    if (text.trim() === '') return undefined
    const wanted = (index as SearchIndex).noteWordsFor(ids, text)
    if (wanted.size === 0) return undefined
    const notes = await notesByContact(db as ContactsDb, [...wanted.keys()])
    const excerpts: Record<number, NoteExcerpt> = {}
    for (const [id, words] of wanted) {
      const excerpt = noteExcerpt(notes.get(id) ?? [], words)
      if (excerpt) excerpts[id] = excerpt
    }
    return excerpts
  }

  /** The ranked ids of a query, at least `wanted` of them when there are that many. */
  function ranked(text: string, filters: SearchFilters, wanted: number): Ranked {
    const key = JSON.stringify([text, filters])
    if (cache && cache.key === key && (cache.ids.length >= wanted || cache.ids.length === cache.total)) return cache
    const limit = wanted <= FIRST_PAGE ? FIRST_PAGE : Infinity
    const result = (index as SearchIndex).search(text, filters, limit)
    cache = { key, ids: result.ids, total: result.total, unknown: result.unknown }
    return cache
  }

  async function query(request: SearchRequest): Promise<SearchPage> {
    await built
    const { ids, total, unknown } = ranked(request.text, request.filters, request.offset + request.limit)
    const page = ids.slice(request.offset, request.offset + request.limit)
    const shown = page.map((id) => rows.get(id) as ContactRow)
    const excerpts = await excerptsFor(page, request.text)
    return { rows: shown, total, ready: true, unknown, ...(excerpts && { excerpts }) }
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
    if (message.type === 'touched') {
      await touched(message.ids)
      return null
    }
    if (message.type === 'notesTouched') {
      await notesTouched(message.contactIds)
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
    notesTouched,
    get notesLoaded() {
      return notesLoaded
    },
    saveSnapshot,
    tags,
    handle,
  }
}
