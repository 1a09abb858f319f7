// A cold-start snapshot of the mirror: its rows as a few big `meta` records, plus the ids written since.
import type { ContactRow } from '../../../shared/contact'
import type { ContactsDb } from './database'
import { rowsWithIds } from './rows-by-id'

/**
 * Why: `toArray()` of 100k rows takes ~2.6 s in Chromium (one structured clone per row), the
 * same rows as ten big records ~0.5 s. The row table stays the truth: every write marks its
 * ids dirty in the same transaction, and a load re-reads those ids from the table.
 */
export const SNAPSHOT_CHUNK_ROWS = 10_000

const HEADER_KEY = 'snapshot'
const CHUNK_PREFIX = 'snapshot:'
/** The first rows by name, apart: what the window shows before search is ready, read without a `name` index. */
const HEAD_KEY = 'snapshot-head'
export const SNAPSHOT_HEAD_ROWS = 1000
/** One record per write transaction (not per id), so marking costs one small put. */
const DIRT_PREFIX = 'snapshot-dirt:'
/** Dirt of rows whose place in name order stayed (a tag, a blacklist, a deletion): first rows re-read them only in the head. */
const KEPT_ORDER_PREFIX = `${DIRT_PREFIX}kept-order:`
/** Past this share of dirty rows, reading the whole table is as cheap as patching the snapshot. */
const MAX_DIRTY_SHARE = 0.25

interface SnapshotHeader {
  chunks: number
  count: number
  writtenAt: string
}

let dirtSequence = 0

/**
 * Records that rows `ids` changed or were deleted since the snapshot. Call it inside the write's
 * own transaction, which must span `meta`, so the mark and the write commit together.
 * `reordered`: those of them that may have moved in name order (new, renamed); by default all. A bulk tag of 10k
 * contacts moves none, and the first rows at the next launch then re-read only the head's own rows.
 */
export async function markSnapshotDirty(db: ContactsDb, ids: readonly number[], reordered: readonly number[] = ids): Promise<void> {
  const moved = new Set(reordered)
  const kept = ids.filter((id) => !moved.has(id))
  const records = [
    { prefix: DIRT_PREFIX, value: ids.filter((id) => moved.has(id)) },
    { prefix: KEPT_ORDER_PREFIX, value: kept },
  ].filter((record) => record.value.length > 0)
  if (records.length === 0) return
  dirtSequence += 1
  // Unique across tabs and reloads without reading a counter first.
  const unique = `${Date.now().toString(36)}-${dirtSequence}-${Math.random().toString(36).slice(2, 8)}`
  await db.meta.bulkPut(records.map((record) => ({ key: `${record.prefix}${unique}`, value: record.value })))
}

/**
 * Stores every row of the table as chunks and forgets older chunks and dirt, in one transaction.
 * Call after a completed pull; returns how many rows the snapshot holds.
 */
export async function writeSnapshot(db: ContactsDb): Promise<number> {
  return db.transaction('rw', db.contacts, db.meta, async () => {
    const rows = await db.contacts.toArray()
    await db.meta.where('key').startsWith(CHUNK_PREFIX).delete()
    await db.meta.where('key').startsWith(DIRT_PREFIX).delete()
    const chunks: { key: string; value: ContactRow[] }[] = []
    for (let start = 0; start < rows.length; start += SNAPSHOT_CHUNK_ROWS) {
      chunks.push({ key: `${CHUNK_PREFIX}${chunks.length}`, value: rows.slice(start, start + SNAPSHOT_CHUNK_ROWS) })
    }
    await db.meta.bulkPut(chunks)
    await db.meta.put({ key: HEAD_KEY, value: byName(rows.filter(hasName)).slice(0, SNAPSHOT_HEAD_ROWS) })
    const header: SnapshotHeader = { chunks: chunks.length, count: rows.length, writtenAt: new Date().toISOString() }
    await db.meta.put({ key: HEADER_KEY, value: header })
    return rows.length
  })
}

export interface MirrorLoad {
  rows: ContactRow[]
  /** How the rows were read: from the snapshot (patched with dirty rows) or the whole table. */
  source: 'snapshot' | 'table'
  dirty: number
}

/**
 * Every row of the mirror, exactly as the table holds them, read in one transaction: the
 * snapshot's chunks with dirty ids re-read from the table (deleted ones dropped), or the
 * whole table when there is no snapshot or too much has changed since.
 */
export async function loadMirrorRows(db: ContactsDb): Promise<MirrorLoad> {
  return db.transaction('r', db.contacts, db.meta, async () => {
    const header = (await db.meta.get(HEADER_KEY))?.value as SnapshotHeader | undefined
    const dirty = header ? await dirtyIds(db) : new Set<number>()
    if (!header || dirty.size > header.count * MAX_DIRTY_SHARE) {
      return { rows: await db.contacts.toArray(), source: 'table', dirty: dirty.size } satisfies MirrorLoad
    }
    const keys = Array.from({ length: header.chunks }, (_, n) => `${CHUNK_PREFIX}${n}`)
    const chunks = await db.meta.bulkGet(keys)
    const rows: ContactRow[] = []
    for (const chunk of chunks) {
      if (!chunk) return { rows: await db.contacts.toArray(), source: 'table', dirty: dirty.size } satisfies MirrorLoad
      for (const row of chunk.value as ContactRow[]) if (!dirty.has(row.id)) rows.push(row)
    }
    for (const row of await rowsWithIds(db, [...dirty])) rows.push(row)
    return { rows, source: 'snapshot', dirty: dirty.size } satisfies MirrorLoad
  })
}

const hasName = (row: ContactRow): boolean => typeof row.name === 'string'

/** In code-unit order, as the `name` index ordered them before issue 15 (case-sensitive). */
function byName(rows: ContactRow[]): ContactRow[] {
  return rows.sort((a, b) => (a.name! < b.name! ? -1 : a.name! > b.name! ? 1 : a.id - b.id))
}

/** Ids written since the snapshot (see markSnapshotDirty). */
async function dirtyIds(db: ContactsDb): Promise<Set<number>> {
  return (await dirt(db)).all
}

/** Ids written since the snapshot, and those of them that may have moved in name order. */
async function dirt(db: ContactsDb): Promise<{ all: Set<number>; reordered: Set<number> }> {
  const all = new Set<number>()
  const reordered = new Set<number>()
  for (const record of await db.meta.where('key').startsWith(DIRT_PREFIX).toArray()) {
    const moved = !record.key.startsWith(KEPT_ORDER_PREFIX)
    for (const id of record.value as number[]) {
      all.add(id)
      if (moved) reordered.add(id)
    }
  }
  return { all, reordered }
}

/**
 * The first `limit` named rows by name (at most SNAPSHOT_HEAD_ROWS): the snapshot's head with the rows written since
 * re-read from the table. No index can give this order: a `name` index would store every name in clear. Without a
 * snapshot yet (before the first complete pull), the first rows by id stand in, put in name order.
 */
export async function firstRowsByName(db: ContactsDb, limit: number): Promise<ContactRow[]> {
  return db.transaction('r', db.contacts, db.meta, async () => {
    const head = (await db.meta.get(HEAD_KEY))?.value as ContactRow[] | undefined
    if (!head) return byName((await db.contacts.limit(Math.max(limit, SNAPSHOT_HEAD_ROWS)).toArray()).filter(hasName)).slice(0, limit)
    const { all, reordered } = await dirt(db)
    const rows = head.filter((row) => !all.has(row.id))
    // Re-read: the head's rows written since, and rows that may have moved into it (new, renamed). A row written
    // in place elsewhere (a tag) kept its name, so it is still not among the first.
    const reread = new Set(reordered)
    for (const row of head) if (all.has(row.id)) reread.add(row.id)
    for (const row of await db.contacts.bulkGet([...reread])) if (row && hasName(row)) rows.push(row)
    return byName(rows).slice(0, limit)
  })
}
