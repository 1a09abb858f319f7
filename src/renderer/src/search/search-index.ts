// In-memory contact search: a word index built once (with the words of notes), plus a small overlay of rows changed since.
import type { ContactRow } from '../../../shared/contact'
import { fold } from './fold'
import { indexRow, type IndexedRow, type NameWords } from './indexed-row'
import { buildNotePostings, type NotePostings } from './note-postings'
import { NoteWords } from './note-words'
import { parseQuery, type SearchTerms } from './query'
import { countMatches, otherTerms, withNoteWords, wordTerms, type Term } from './row-candidates'
import {
  ALTERNATE,
  EXACT,
  FAILS,
  FUZZY,
  NOTE_WORD_MIN,
  NO_MATCH,
  PREFIX,
  UNKNOWN,
  matchesNoteTerms,
  matchesOtherTerms,
  passesFilters,
  wordTier,
  type SearchFilters,
} from './row-match'
import { buildWordIndex, nameCollator, type WordIndex } from './word-index'
import { allowedEdits } from './edit-distance'

export type { SearchFilters } from './row-match'

export interface SearchResult {
  /** Contact ids, best match first, then by name. */
  ids: number[]
  /** How many contacts match in all (`ids` holds at most `limit` of them). */
  total: number
  /**
   * Contacts that match the text and the other filters but whose status or channel (the ones
   * filtered on) is not known yet: left out of `total` until their details are read.
   */
  unknown: number
}

/** Typos are looked for only while exact and prefix matches number fewer than this (a first page). */
const TYPO_FILL = 50

/**
 * Rebuild the core once this many rows changed since it was built, or a quarter of its size if
 * more: a first pull filling an empty index then rebuilds a handful of times, not once per 2,000 rows.
 */
const OVERLAY_LIMIT = 2000
const OVERLAY_SHARE = 0.25

/** Below rows / SORT_SHARE candidates, sorting them costs less than reading every row's counter. */
const SORT_SHARE = 16

/** What the passes of one search share: the terms, and the hits, counts and unknowns they add up. */
interface Pass {
  terms: SearchTerms
  checkRow: boolean
  tiers: Hit[][]
  counts: number[]
  unknown: number
  limit: number
  /** Whether this pass marks the rows it takes as seen: another pass follows it. */
  markSeen: boolean
  /** Whether any row was marked seen (the scratch needs clearing). */
  marked: boolean
}

interface Hit {
  /** Name order: a core row number, or a fraction between rows for an overlay row. */
  rank: number
  id: number
  /** Overlay rows only: orders the overlay rows that fall between the same two core rows. */
  sortName?: string
}

export class SearchIndex {
  private core: WordIndex
  /** Scratch arrays of countMatches, one byte per core row, zero between searches. */
  private matched: Uint8Array
  private inexact: Uint8Array
  /** Scratch of one search, zero between searches: core rows a pass took, so later passes (notes, typos) skip them. */
  private seen: Uint8Array
  /** Scratch of countMatches: the rows its first term matched. */
  private touched: Int32Array
  /** Core rows superseded by the overlay (changed or deleted). */
  private hidden: Uint8Array
  private overlay = new Map<number, IndexedRow | null>()
  /** The note words of the core's rows, in row order; overlay rows read `notes` itself. */
  private notePostings: NotePostings
  /** ` word word … ` of the notes of overlay rows, made when a search first needs it. */
  private overlayNoteText = new Map<number, string>()
  private collator: Intl.Collator
  private byRankThenName = (a: Hit, b: Hit) => a.rank - b.rank || this.collator.compare(a.sortName ?? '', b.sortName ?? '') || a.id - b.id

  /**
   * `locale` sets the name order (the page's language). `notes` holds the words of the contacts'
   * notes: a new index over reloaded rows keeps the ones already read.
   */
  constructor(
    rows: readonly ContactRow[] = [],
    private locale = 'en',
    readonly notes = new NoteWords(),
  ) {
    this.collator = nameCollator(locale)
    const names: NameWords = new Map()
    this.core = buildWordIndex(
      rows.map((row) => indexRow(row, names)),
      this.collator,
    )
    this.matched = new Uint8Array(this.core.rows.length)
    this.inexact = new Uint8Array(this.core.rows.length)
    this.seen = new Uint8Array(this.core.rows.length)
    this.touched = new Int32Array(this.core.rows.length)
    this.hidden = new Uint8Array(this.core.rows.length)
    this.notePostings = buildNotePostings(this.core.rows, this.notes)
  }

  /** Builds what the index leaves until after it is ready (the phone runs), so the first phone search finds them built. */
  warmUp(): void {
    this.core.phoneRuns()
  }

  get size(): number {
    let size = this.core.rows.length
    for (const [id, row] of this.overlay) {
      const inCore = this.core.rowOfId.has(id)
      if (row && !inCore) size++
      if (!row && inCore) size--
    }
    return size
  }

  upsert(rows: readonly ContactRow[]): void {
    for (const row of rows) this.setOverlay(row.id, indexRow(row))
    this.compactIfLarge()
  }

  remove(ids: readonly number[]): void {
    for (const id of ids) {
      this.setOverlay(id, null)
      this.notes.delete(id)
    }
    this.compactIfLarge()
  }

  /** A contact's notes changed: `contents` are all its notes now (none: it has no notes). */
  setNotes(contactId: number, contents: readonly string[]): void {
    this.notes.set(contactId, contents)
    this.overlayNoteText.delete(contactId)
    if (!this.overlay.has(contactId)) {
      const r = this.core.rowOfId.get(contactId)
      // The core's postings still hold its old note words: the row is matched from the overlay until the next rebuild.
      if (r !== undefined) this.setOverlay(contactId, this.core.rows[r])
    }
    this.compactIfLarge()
  }

  /**
   * Reads every contact's notes in bulk (after the index is ready): `readNotes` for each, then
   * `notesRead` once, which indexes them all in one pass, with no overlay.
   */
  readNotes(contactId: number, contents: readonly string[]): void {
    this.notes.set(contactId, contents)
  }

  notesRead(): void {
    this.notes.trim()
    this.notePostings = buildNotePostings(this.core.rows, this.notes)
    this.overlayNoteText.clear()
  }

  /**
   * The words to look for in matching contacts' notes to show why they matched: the `note:` words,
   * and the typed words a contact's name, email and tags do not hold; contacts whose notes played
   * no part are left out.
   */
  noteWordsFor(contactIds: readonly number[], query: string): Map<number, string[]> {
    const terms = parseQuery(query)
    const found = new Map<number, string[]>()
    for (const id of contactIds) {
      if (!this.notes.has(id)) continue
      const r = this.core.rowOfId.get(id)
      const row = this.overlay.has(id) ? this.overlay.get(id) : r === undefined ? undefined : this.core.rows[r]
      if (!row) continue
      const words = [...terms.notes, ...terms.words.filter((word) => word.length >= NOTE_WORD_MIN && !row.text.includes(' ' + word))]
      if (words.length > 0) found.set(id, words)
    }
    return found
  }

  search(query: string, filters: SearchFilters = {}, limit = 50): SearchResult {
    const terms = parseQuery(query)
    const tag = filters.tag ? fold(filters.tag) : null
    const { core, notePostings } = this
    const pass: Pass = {
      terms,
      // Postings prove word and tag terms; emails and phones are still checked on the row.
      checkRow: terms.emails.length > 0 || terms.phones.length > 0,
      tiers: [[], [], [], [], []],
      counts: [0, 0, 0, 0, 0],
      unknown: 0,
      limit,
      markSeen: false,
      marked: false,
    }
    const { tiers, counts } = pass
    const others = () => otherTerms(core, notePostings, terms, tag)

    // Names, emails, phones, tags and `note:` words: what ranks first.
    const words = wordTerms(core, terms.words, false)
    const first = [...words, ...others()]
    this.scanCore(first, filters, null, pass)
    // Typed words in notes, then typos in names, only while those matches are few: ranked below them, they
    // would not show on a first page, and a common word in 300k notes costs more than the whole search.
    // Decided on counts, not on `limit`, so every page of one query ranks the same rows.
    const few = counts[EXACT] + counts[PREFIX] + counts[ALTERNATE] < TYPO_FILL
    const wantNotes = few && terms.words.some((w) => w.length >= NOTE_WORD_MIN)
    const noteTerms = wantNotes ? withNoteWords(words, notePostings, terms.words) : []
    const wantTypos = few && terms.words.some((w) => allowedEdits(w) > 0)
    if (wantNotes || wantTypos) {
      // Later passes skip the rows the first took: marked now, when they are few (a broad first pass marks none).
      this.scanCore(first, filters, null, { ...pass, tiers: [[], [], [], [], []], counts: [0, 0, 0, 0, 0], markSeen: true })
      pass.marked = true
    }
    // A common note word takes ~165k rows at 500k: marked only when the typo pass follows.
    pass.markSeen = wantTypos
    // Unless a typed word starts a word of the core's notes (a name mostly does not), the pass would only find the rows above again.
    if (noteTerms.some((term) => term.noteRanges.some(([from, to]) => to > from))) this.scanCore([...noteTerms, ...others()], filters, null, pass)
    if (wantTypos) {
      pass.markSeen = false
      // One typed word found in notes was found above; with more, a typo in one may pair with a note word of another.
      const typos = wordTerms(core, terms.words, true)
      const typoTerms = wantNotes && terms.words.length > 1 ? withNoteWords(typos, notePostings, terms.words) : typos
      this.scanCore([...typoTerms, ...others()], filters, FUZZY, pass)
    }
    if (pass.marked) this.seen.fill(0)
    const readsNotes = terms.notes.length > 0 || wantNotes
    for (const [id, row] of this.overlay) {
      if (!row) continue
      const filter = passesFilters(row, filters, tag)
      if (filter === FAILS || !matchesOtherTerms(row, terms)) continue
      const noteText = readsNotes ? this.noteTextOf(id) : ''
      if (!matchesNoteTerms(noteText, terms.notes)) continue
      const tier = wordTier(row, terms.words, wantTypos, wantNotes ? noteText : '')
      if (tier === NO_MATCH) continue
      if (filter === UNKNOWN) {
        pass.unknown++
        continue
      }
      // Kept past the cap: an overlay row may rank above core rows already kept.
      counts[tier]++
      tiers[tier].push({ rank: lowerBoundByName(this.core.rows, row.sortName, this.collator) - 0.5, id: row.id, sortName: row.sortName })
    }
    const ids: number[] = []
    for (const hits of tiers) {
      hits.sort(this.byRankThenName)
      for (const hit of hits) if (ids.length < limit) ids.push(hit.id)
    }
    return { ids, total: counts.reduce((sum, count) => sum + count, 0), unknown: pass.unknown }
  }

  /**
   * Takes, once per search, every core row matching every term and the type, status and blacklist
   * filters, in name order, skipping superseded rows and rows an earlier pass took: counted in its
   * tier (`tier`, or the one it matched with: EXACT, PREFIX, ALTERNATE, NOTE) and kept while the tier
   * holds fewer than `limit`; counted as unknown when it would pass but a filtered status or channel
   * is not known. One loop, no callbacks: a broad query (a letter, a common note word) takes ~250k rows at 500k.
   */
  private scanCore(terms: Term[], filters: SearchFilters, tier: number | null, pass: Pass): void {
    const { core, matched, inexact, hidden, seen, touched } = this
    const { types, statuses, blacklisted, rows } = core
    const { counts, tiers, limit, checkRow } = pass
    const type = filters.type
    const status = filters.status
    const banned = filters.blacklisted === undefined ? -1 : filters.blacklisted ? 1 : 0
    // No filter, no row check: most searches, and every broad one, take a row on its counters alone.
    const plain = banned < 0 && type === undefined && status === undefined && !checkRow
    const mark = pass.markSeen
    if (mark) pass.marked = true
    const take = (r: number, found: number) => {
      if (hidden[r] || seen[r]) return
      if (!plain) {
        if (banned >= 0 && blacklisted[r] !== banned) return
        let unknown = false
        if (type !== undefined) {
          if (types[r] === undefined) unknown = true
          else if (types[r] !== type) return
        }
        if (status !== undefined) {
          if (statuses[r] === undefined) unknown = true
          else if (statuses[r] !== status) return
        }
        if (checkRow && !matchesOtherTerms(rows[r], pass.terms)) return
        if (unknown) {
          seen[r] = 1
          pass.marked = true
          pass.unknown++
          return
        }
      }
      if (mark) seen[r] = 1
      const t = tier ?? found
      // Every core row counted was kept while its tier held fewer than `limit`: the count says whether it holds fewer.
      if (counts[t]++ < limit) tiers[t].push({ rank: r, id: rows[r].id })
    }
    if (terms.length === 0) {
      for (let r = 0; r < rows.length; r++) take(r, EXACT)
      return
    }
    const all = terms.length
    const candidates = countMatches(core, this.notePostings, terms, matched, inexact, touched, Math.ceil(rows.length / SORT_SHARE))
    if (candidates * SORT_SHARE < rows.length) {
      // Few rows matched the rarest term: only they can match all; put in name order, they are all there is to read and clear.
      const few = touched.subarray(0, candidates).sort()
      for (const r of few) if (matched[r] === all) take(r, inexact[r])
      for (const r of few) matched[r] = inexact[r] = 0
      return
    }
    if (plain && !mark && tier === null) {
      // The broad case (a letter, a common note word: ~250k rows at 500k) without a call per row.
      for (let r = 0; r < rows.length; r++) {
        if (matched[r] !== all || hidden[r] || seen[r]) continue
        const t = inexact[r]
        if (counts[t]++ < limit) tiers[t].push({ rank: r, id: rows[r].id })
      }
    } else for (let r = 0; r < rows.length; r++) if (matched[r] === all) take(r, inexact[r])
    matched.fill(0)
    inexact.fill(0)
  }

  private noteTextOf(contactId: number): string {
    let text = this.overlayNoteText.get(contactId)
    if (text === undefined) {
      text = this.notes.textOf(contactId)
      this.overlayNoteText.set(contactId, text)
    }
    return text
  }

  private setOverlay(id: number, row: IndexedRow | null): void {
    this.overlay.set(id, row)
    const r = this.core.rowOfId.get(id)
    if (r !== undefined) this.hidden[r] = 1
  }

  /** Folds every change into the core: after a full pull, so searches no longer scan an overlay. */
  compact(): void {
    if (this.overlay.size > 0) this.rebuild()
  }

  private compactIfLarge(): void {
    if (this.overlay.size < Math.max(OVERLAY_LIMIT, this.core.rows.length * OVERLAY_SHARE)) return
    this.rebuild()
  }

  /** Orders names as another language does: the core is rebuilt in that order. */
  setLocale(locale: string): void {
    if (locale === this.locale) return
    this.locale = locale
    this.collator = nameCollator(locale)
    this.rebuild()
  }

  private rebuild(): void {
    const byId = new Map<number, IndexedRow>()
    this.core.rows.forEach((row, r) => {
      if (!this.hidden[r]) byId.set(row.id, row)
    })
    for (const [id, row] of this.overlay) {
      if (row) byId.set(id, row)
      else byId.delete(id)
    }
    this.core = buildWordIndex([...byId.values()], this.collator)
    // Not on the way to "ready": built whole, as before.
    this.warmUp()
    this.matched = new Uint8Array(this.core.rows.length)
    this.inexact = new Uint8Array(this.core.rows.length)
    this.seen = new Uint8Array(this.core.rows.length)
    this.touched = new Int32Array(this.core.rows.length)
    this.hidden = new Uint8Array(this.core.rows.length)
    this.overlay.clear()
    this.notePostings = buildNotePostings(this.core.rows, this.notes)
    this.overlayNoteText.clear()
  }
}

function lowerBoundByName(rows: readonly IndexedRow[], sortName: string, collator: Intl.Collator): number {
  let lo = 0
  let hi = rows.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (collator.compare(rows[mid].sortName, sortName) < 0) lo = mid + 1
    else hi = mid
  }
  return lo
}
