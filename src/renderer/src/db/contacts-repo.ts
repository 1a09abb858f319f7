// Reads and bulk writes of mirror rows; the only place that knows how contacts are stored.
import type { ContactRow } from '../../../shared/contact'
import type { ContactsDb } from './database'
import { isFullRow, mergeChangesNothing, mergeRow } from './merge'
import { markSnapshotDirty } from './snapshot'

/**
 * Merges a page of (possibly partial) rows into the mirror in one transaction and returns the
 * merged rows in input order. One `bulkGet` then one `bulkPut` keeps the cost near a raw
 * `bulkPut`; pages of full rows skip the read, since they replace every field anyway.
 * Marks the ids dirty for the snapshot. Joins the caller's transaction when one spans
 * `contacts` and `meta`.
 */
export async function mergeRows(db: ContactsDb, rows: readonly ContactRow[]): Promise<ContactRow[]> {
  if (rows.length === 0) return []
  return db.transaction('rw', db.contacts, db.meta, async () => {
    if (rows.every(isFullRow)) {
      await markSnapshotDirty(db, rows.map((row) => row.id))
      await db.contacts.bulkPut(rows as ContactRow[])
      return rows.slice()
    }
    const stored = await storedRowsFor(db, rows)
    const merged = rows.map((row, i) => mergeRow(stored[i], row))
    // A re-pull mostly brings back what the mirror has: only rows that change are written (and reindexed).
    const changed = merged.filter((_row, i) => !mergeChangesNothing(stored[i], rows[i]!))
    if (changed.length > 0) {
      await markSnapshotDirty(db, changed.map((row) => row.id))
      await db.contacts.bulkPut(changed)
    }
    return merged
  })
}

/** A range read is used when the page's ids span at most this many ids per row. */
const RANGE_READ_SPAN = 4

/**
 * The stored rows for a page, in its order. Pages come in id order, so their ids are close
 * together: one range read (a single IndexedDB `getAll`) costs far less than `bulkGet`'s one
 * request per id, which made a pull's writes ~1.7x slower than a raw `bulkPut` in Chromium.
 */
async function storedRowsFor(db: ContactsDb, rows: readonly ContactRow[]): Promise<(ContactRow | undefined)[]> {
  let min = Infinity
  let max = -Infinity
  for (const { id } of rows) {
    if (id < min) min = id
    if (id > max) max = id
  }
  if (max - min >= RANGE_READ_SPAN * rows.length) return db.contacts.bulkGet(rows.map((row) => row.id))
  const found = new Map<number, ContactRow>()
  for (const row of await db.contacts.where(':id').between(min, max, true, true).toArray()) found.set(row.id, row)
  return rows.map((row) => found.get(row.id))
}

export function allRows(db: ContactsDb): Promise<ContactRow[]> {
  return db.contacts.toArray()
}

export function countRows(db: ContactsDb): Promise<number> {
  return db.contacts.count()
}

/** Stored server ids (positive: temporary ids are not on the server yet) outside `seen` and `protectedIds`, ascending. */
export async function unseenIds(db: ContactsDb, seen: ReadonlySet<number>, protectedIds: ReadonlySet<number>): Promise<number[]> {
  const ids = (await db.contacts.where(':id').above(0).primaryKeys()) as number[]
  return ids.filter((id) => !seen.has(id) && !protectedIds.has(id))
}

/**
 * Deletes these rows with their notes and marks them dirty for the snapshot; returns how many
 * were stored. Joins the caller's transaction when one spans `contacts`, `notes` and `meta`.
 */
export async function deleteRows(db: ContactsDb, ids: readonly number[]): Promise<number> {
  if (ids.length === 0) return 0
  return db.transaction('rw', db.contacts, db.notes, db.meta, async () => {
    const keys = [...ids]
    const stored = (await db.contacts.bulkGet(keys)).filter((row) => row !== undefined).length
    await markSnapshotDirty(db, keys)
    await db.contacts.bulkDelete(keys)
    await db.notes.where('contactId').anyOf(keys).delete()
    return stored
  })
}
