// What the user said about hydration, kept in the mirror's meta: a contact opened, filters to keep offline first, paused.
import type { ContactRow } from '../../../../shared/contact'
import type { ContactsDb } from '../../db/database'
import { noteRecent } from '../../db/recent-contacts'
import type { SearchFilters } from '../../search/search-client'

const KEEP_FIRST = 'hydrate.keepFirst'
const PAUSED = 'hydrate.paused'
/** The drawer opened a contact: hydration reads it first (one opened offline, once back online). */
export function noteOpened(db: ContactsDb, id: number): Promise<void> {
  return noteRecent(db, [id])
}

/** The filters (a tag, a channel…, as the filter bar sets them) whose contacts are hydrated right after the recent ones. */
export async function keptOfflineFirst(db: ContactsDb): Promise<SearchFilters[]> {
  const value = (await db.meta.get(KEEP_FIRST))?.value
  return Array.isArray(value) ? (value as SearchFilters[]) : []
}

/** Marks `filters` "keep offline first", or unmarks it when `keep` is false. An empty filter marks nothing. */
export async function keepOfflineFirst(db: ContactsDb, filters: SearchFilters, keep: boolean): Promise<SearchFilters[]> {
  return db.transaction('rw', db.meta, async () => {
    const others = (await keptOfflineFirst(db)).filter((marked) => !sameFilters(marked, filters))
    const next = keep && !isEmpty(filters) ? [...others, clean(filters)] : others
    await db.meta.put({ key: KEEP_FIRST, value: next })
    return next
  })
}

export function isEmpty(filters: SearchFilters): boolean {
  return Object.values(filters).every((value) => value === undefined)
}

const clean = (filters: SearchFilters): SearchFilters =>
  Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as SearchFilters

export function sameFilters(a: SearchFilters, b: SearchFilters): boolean {
  return a.type === b.type && a.tag?.toLowerCase() === b.tag?.toLowerCase() && a.blacklisted === b.blacklisted && a.status === b.status
}

/** Whether a mirror row passes every filter of one mark (tags compared regardless of case, as search does). */
export function passes(row: ContactRow, filters: SearchFilters): boolean {
  if (filters.type !== undefined && row.type !== filters.type) return false
  if (filters.blacklisted !== undefined && row.blacklisted !== filters.blacklisted) return false
  if (filters.status !== undefined && row.status !== filters.status) return false
  if (filters.tag !== undefined) {
    const wanted = filters.tag.toLowerCase()
    if (!row.tags?.some((tag) => tag.toLowerCase() === wanted)) return false
  }
  return true
}

/** The user paused hydration (the header's control); kept, so a restart does not undo it. */
export async function isPaused(db: ContactsDb): Promise<boolean> {
  return (await db.meta.get(PAUSED))?.value === true
}

export async function setPaused(db: ContactsDb, paused: boolean): Promise<void> {
  await db.meta.put({ key: PAUSED, value: paused })
}
