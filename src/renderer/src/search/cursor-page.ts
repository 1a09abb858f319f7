// What a search shows before the index is ready: the first rows by name, from the snapshot's head.
import { countRows } from '../db/contacts-repo'
import { firstRowsByName } from '../db/snapshot'
import type { ContactsDb } from '../db/database'
import { SearchIndex } from './search-index'
import type { SearchFilters, SearchPage, SearchRequest } from './search-protocol'

/** A text or a filter is applied to this many first rows: enough to show something, cheap to read. */
export const PREVIEW_ROWS = 1000

function isUnfiltered(text: string, filters: SearchFilters): boolean {
  return text.trim() === '' && Object.values(filters).every((value) => value === undefined)
}

/**
 * Unfiltered: rows [offset, offset+limit) by name and the real total. Otherwise the matches
 * among the first PREVIEW_ROWS names only (their count as total): `ready: false` says so.
 */
export async function cursorPage(db: ContactsDb, request: SearchRequest): Promise<SearchPage> {
  const end = request.offset + request.limit
  if (isUnfiltered(request.text, request.filters)) {
    const [rows, total] = await Promise.all([firstRowsByName(db, end), countRows(db)])
    return { rows: rows.slice(request.offset), total, ready: false }
  }
  const preview = await firstRowsByName(db, Math.max(PREVIEW_ROWS, end))
  const byId = new Map(preview.map((row) => [row.id, row]))
  const { ids, total } = new SearchIndex(preview).search(request.text, request.filters, end)
  return { rows: ids.slice(request.offset).map((id) => byId.get(id)!), total, ready: false }
}
