// In-memory contact search: a word index built once, plus a small overlay of rows changed since.
import type { ContactRow } from '../../../../shared/contact'
import { fold, wordsOf } from './fold'
import { indexRow, type IndexedRow } from './indexed-row'
import { isEmpty, parseQuery, type SearchTerms } from './query'
import { EXACT, FUZZY, NO_MATCH, PREFIX, matchesOtherTerms, passesFilters, phoneMatches, wordTier, isTypoOf, type SearchFilters } from './row-match'
import { buildWordIndex, nameCollator, prefixRange, rowAtPhoneOffset, type WordIndex } from './word-index'
import { allowedEdits } from './edit-distance'

export type { SearchFilters } from './row-match'

export interface SearchResult {
  /** Contact ids, best match first, then by name. */
  ids: number[]
  /** How many contacts match in all (`ids` holds at most `limit` of them). */
  total: number
}

/** Rebuild the core once this many rows changed since it was built. */
const OVERLAY_LIMIT = 2000

interface Hit {
  /** Name order: a core row number, or a fraction between rows for an overlay row. */
  rank: number
  id: number
}

export class SearchIndex {
  private core: WordIndex
  private mark: Uint8Array
  /** Core rows superseded by the overlay (changed or deleted). */
  private hidden: Uint8Array
  private overlay = new Map<number, IndexedRow | null>()

  constructor(rows: readonly ContactRow[] = []) {
    this.core = buildWordIndex(rows.map(indexRow))
    this.mark = new Uint8Array(this.core.rows.length)
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
    const tiers: Hit[][] = [[], [], []]
    let total = 0
    const keep = (tier: number, hit: Hit) => {
      total++
      if (tiers[tier].length < limit) tiers[tier].push(hit)
    }
    const tag = filters.tag ? fold(filters.tag) : null
    const accept = (row: IndexedRow, fuzzy: boolean): number => {
      if (!passesFilters(row, filters, tag) || !matchesOtherTerms(row, terms)) return NO_MATCH
      return wordTier(row, terms.words, fuzzy)
    }

    this.scanCore(terms, (r) => {
      const tier = accept(this.core.rows[r], false)
      if (tier !== NO_MATCH) keep(tier, { rank: r, id: this.core.rows[r].id })
    })
    const typoWords = terms.words.filter((w) => allowedEdits(w) > 0)
    const wantTypos = typoWords.length > 0 && tiers[EXACT].length + tiers[PREFIX].length < limit
    if (wantTypos) {
      this.scanTypoCandidates(typoWords, (r) => {
        const row = this.core.rows[r]
        if (accept(row, false) === NO_MATCH && accept(row, true) === FUZZY) keep(FUZZY, { rank: r, id: row.id })
      })
    }
    for (const row of this.overlay.values()) {
      if (!row) continue
      const tier = accept(row, wantTypos)
      if (tier !== NO_MATCH) keep(tier, { rank: lowerBoundByName(this.core.rows, row.sortName) - 0.5, id: row.id })
    }
    const ids: number[] = []
    for (const hits of tiers) {
      hits.sort((a, b) => a.rank - b.rank)
      for (const hit of hits) if (ids.length < limit) ids.push(hit.id)
    }
    return { ids, total }
  }

  /** Calls `visit` once per core row that may match, in name order, skipping superseded rows. */
  private scanCore(terms: SearchTerms, visit: (row: number) => void): void {
    const { core, mark, hidden } = this
    if (isEmpty(terms)) {
      for (let r = 0; r < core.rows.length; r++) if (!hidden[r]) visit(r)
      return
    }
    const seeds = [...terms.words, ...terms.emails.flatMap(wordsOf), ...terms.tags.flatMap(wordsOf)]
    if (seeds.length) {
      let best: [number, number] = [0, core.words.length]
      for (const seed of seeds) {
        const range = prefixRange(core.words, seed)
        if (core.cumulative[range[1]] - core.cumulative[range[0]] < core.cumulative[best[1]] - core.cumulative[best[0]]) best = range
      }
      for (let w = best[0]; w < best[1]; w++) for (const r of core.postings[w]) mark[r] = 1
    } else {
      for (const digits of terms.phones) this.markPhone(digits)
    }
    for (let r = 0; r < mark.length; r++) {
      if (!mark[r]) continue
      mark[r] = 0
      if (!hidden[r]) visit(r)
    }
  }

  private markPhone(digits: string): void {
    const { core, mark } = this
    const needles = digits.startsWith('0') && digits.length > 4 ? [digits, digits.slice(1)] : [digits]
    const [from, to] = prefixRange(core.words, digits)
    for (let w = from; w < to; w++) for (const r of core.postings[w]) mark[r] = 1
    for (const needle of needles) {
      for (let at = core.phoneText.indexOf(needle); at !== -1; at = core.phoneText.indexOf(needle, at + 1)) {
        const r = rowAtPhoneOffset(core, at)
        if (phoneMatches(core.rows[r].phoneDigits, digits)) mark[r] = 1
      }
    }
  }

  /** Rows holding a name word within a typo of the longest typed word. */
  private scanTypoCandidates(typoWords: string[], visit: (row: number) => void): void {
    const { core, mark, hidden } = this
    const typed = typoWords.reduce((a, b) => (b.length > a.length ? b : a))
    const edits = allowedEdits(typed)
    for (let length = typed.length - edits; length <= core.nameWordsByLength.length; length++) {
      for (const w of core.nameWordsByLength[length] ?? []) {
        if (isTypoOf(typed, core.words[w])) for (const r of core.postings[w]) mark[r] = 1
      }
    }
    for (let r = 0; r < mark.length; r++) {
      if (!mark[r]) continue
      mark[r] = 0
      if (!hidden[r]) visit(r)
    }
  }

  private setOverlay(id: number, row: IndexedRow | null): void {
    this.overlay.set(id, row)
    const r = this.core.rowOfId.get(id)
    if (r !== undefined) this.hidden[r] = 1
  }

  private compactIfLarge(): void {
    if (this.overlay.size < OVERLAY_LIMIT) return
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
    this.core = buildWordIndex([...byId.values()])
    this.mark = new Uint8Array(this.core.rows.length)
    this.hidden = new Uint8Array(this.core.rows.length)
    this.overlay.clear()
  }
}

function lowerBoundByName(rows: readonly IndexedRow[], sortName: string): number {
  let lo = 0
  let hi = rows.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (nameCollator.compare(rows[mid].sortName, sortName) < 0) lo = mid + 1
    else hi = mid
  }
  return lo
}
