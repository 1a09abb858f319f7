// In-memory contact search: a word index built once, plus a small overlay of rows changed since.
import type { ContactRow } from '../../../shared/contact'
import { fold } from './fold'
import { indexRow, type IndexedRow } from './indexed-row'
import { parseQuery } from './query'
import { countMatches, otherTerms, wordTerms, type Term } from './row-candidates'
import { ALTERNATE, EXACT, FUZZY, NO_MATCH, PREFIX, matchesOtherTerms, passesFilters, wordTier, type SearchFilters } from './row-match'
import { buildWordIndex, nameCollator, type WordIndex } from './word-index'
import { allowedEdits } from './edit-distance'

export type { SearchFilters } from './row-match'

export interface SearchResult {
  /** Contact ids, best match first, then by name. */
  ids: number[]
  /** How many contacts match in all (`ids` holds at most `limit` of them). */
  total: number
}

/** Typos are looked for only while exact and prefix matches number fewer than this (a first page). */
const TYPO_FILL = 50

/**
 * Rebuild the core once this many rows changed since it was built, or a quarter of its size if
 * more: a first pull filling an empty index then rebuilds a handful of times, not once per 2,000 rows.
 */
const OVERLAY_LIMIT = 2000
const OVERLAY_SHARE = 0.25

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
  /** Core rows superseded by the overlay (changed or deleted). */
  private hidden: Uint8Array
  private overlay = new Map<number, IndexedRow | null>()
  private collator: Intl.Collator
  private byRankThenName = (a: Hit, b: Hit) => a.rank - b.rank || this.collator.compare(a.sortName ?? '', b.sortName ?? '') || a.id - b.id

  /** `locale` sets the name order (the page's language). */
  constructor(rows: readonly ContactRow[] = [], private locale = 'en') {
    this.collator = nameCollator(locale)
    this.core = buildWordIndex(rows.map(indexRow), this.collator)
    this.matched = new Uint8Array(this.core.rows.length)
    this.inexact = new Uint8Array(this.core.rows.length)
    this.hidden = new Uint8Array(this.core.rows.length)
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
    for (const id of ids) this.setOverlay(id, null)
    this.compactIfLarge()
  }

  search(query: string, filters: SearchFilters = {}, limit = 50): SearchResult {
    const terms = parseQuery(query)
    const tiers: Hit[][] = [[], [], [], []]
    const counts = [0, 0, 0, 0]
    const { core } = this
    // Most matches are only counted: a hit (and a read of its row) only for rows that may show.
    const keep = (tier: number, r: number) => {
      counts[tier]++
      if (tiers[tier].length < limit) tiers[tier].push({ rank: r, id: core.rows[r].id })
    }
    const tag = filters.tag ? fold(filters.tag) : null
    // Postings prove word and tag terms; emails and phones are still checked on the row.
    const checkRow = terms.emails.length > 0 || terms.phones.length > 0
    const others = () => otherTerms(core, terms, tag)

    const firstPass: number[] = []
    this.scanCore([...wordTerms(core, terms.words, false), ...others()], filters, (r, tier) => {
      if (checkRow && !matchesOtherTerms(core.rows[r], terms)) return
      keep(tier, r)
      if (firstPass.length < TYPO_FILL) firstPass.push(r)
    })
    // Decided on counts, not on `limit`, so every page of one query ranks the same rows.
    const wantTypos = terms.words.some((w) => allowedEdits(w) > 0) && counts[EXACT] + counts[PREFIX] + counts[ALTERNATE] < TYPO_FILL
    if (wantTypos) {
      const matchedBefore = new Set(firstPass)
      this.scanCore([...wordTerms(core, terms.words, true), ...others()], filters, (r) => {
        if (matchedBefore.has(r) || (checkRow && !matchesOtherTerms(core.rows[r], terms))) return
        keep(FUZZY, r)
      })
    }
    for (const row of this.overlay.values()) {
      if (!row || !passesFilters(row, filters, tag) || !matchesOtherTerms(row, terms)) continue
      const tier = wordTier(row, terms.words, wantTypos)
      if (tier === NO_MATCH) continue
      // Kept past the cap: an overlay row may rank above core rows already kept.
      counts[tier]++
      tiers[tier].push({ rank: lowerBoundByName(this.core.rows, row.sortName, this.collator) - 0.5, id: row.id, sortName: row.sortName })
    }
    const ids: number[] = []
    for (const hits of tiers) {
      hits.sort(this.byRankThenName)
      for (const hit of hits) if (ids.length < limit) ids.push(hit.id)
    }
    return { ids, total: counts[EXACT] + counts[PREFIX] + counts[ALTERNATE] + counts[FUZZY] }
  }

  /**
   * Calls `visit` once per core row matching every term and the type, status and blacklist
   * filters, in name order, skipping superseded rows, with its tier (EXACT, PREFIX, ALTERNATE).
   */
  private scanCore(terms: Term[], filters: SearchFilters, visit: (row: number, tier: number) => void): void {
    const { core, matched, inexact, hidden } = this
    const { types, statuses, blacklisted } = core
    const type = filters.type
    const status = filters.status
    const banned = filters.blacklisted === undefined ? -1 : filters.blacklisted ? 1 : 0
    const passes = (r: number) =>
      !hidden[r] && (type === undefined || types[r] === type) && (status === undefined || statuses[r] === status) && (banned < 0 || blacklisted[r] === banned)
    if (terms.length === 0) {
      for (let r = 0; r < core.rows.length; r++) if (passes(r)) visit(r, EXACT)
      return
    }
    const all = countMatches(core, terms, matched, inexact)
    for (let r = 0; r < matched.length; r++) if (matched[r] === all && passes(r)) visit(r, inexact[r])
    matched.fill(0)
    inexact.fill(0)
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
    this.matched = new Uint8Array(this.core.rows.length)
    this.inexact = new Uint8Array(this.core.rows.length)
    this.hidden = new Uint8Array(this.core.rows.length)
    this.overlay.clear()
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
