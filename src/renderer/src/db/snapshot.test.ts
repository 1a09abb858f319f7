import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ContactRow } from '../../../shared/contact'
import { allRows, deleteRows, mergeRows } from './contacts-repo'
import { openAccountDatabase, type ContactsDb } from './database'
import { SNAPSHOT_CHUNK_ROWS, SNAPSHOT_HEAD_ROWS, firstRowsByName, loadMirrorRows, markSnapshotDirty, writeSnapshot } from './snapshot'
import { rawText, testDataKey } from './test-support/raw-records'

let db: ContactsDb
let accountId: string
// Sealed, as the app runs it: the snapshot's big records go through the seal like any other.
beforeEach(async () => {
  accountId = `snapshot-${randomUUID()}`
  db = await openAccountDatabase(accountId, { key: await testDataKey() })
})
afterEach(() => db.close())

const row = (id: number, name = `Person ${id}`): ContactRow => ({ id, name, phone: `+1555${String(id).padStart(7, '0')}`, type: 'whatsapp', blacklisted: false, tags: [] })
const byId = (a: ContactRow, b: ContactRow) => a.id - b.id
const sorted = (rows: ContactRow[]) => rows.slice().sort(byId)
const rowsUpTo = (n: number) => Array.from({ length: n }, (_, i) => row(i + 1))

describe('loadMirrorRows', () => {
  it('reads the whole table when no snapshot was written', async () => {
    await mergeRows(db, rowsUpTo(30))
    const load = await loadMirrorRows(db)
    expect(load.source).toBe('table')
    expect(sorted(load.rows)).toEqual(await allRows(db))
  })

  it('loads a snapshot spanning several chunks exactly', async () => {
    const count = SNAPSHOT_CHUNK_ROWS * 2 + 7
    await mergeRows(db, rowsUpTo(count))
    expect(await writeSnapshot(db)).toBe(count)
    const load = await loadMirrorRows(db)
    expect(load).toMatchObject({ source: 'snapshot', dirty: 0 })
    expect(sorted(load.rows)).toEqual(await allRows(db))
  })

  it('patches the snapshot with rows merged, added and deleted after it', async () => {
    await mergeRows(db, rowsUpTo(40))
    await writeSnapshot(db)
    // A partial row keeps the stored fields; the snapshot must show the merged row.
    await mergeRows(db, [{ id: 3, name: 'Renamed Three' }, row(41), row(42)])
    await deleteRows(db, [5, 41])
    const load = await loadMirrorRows(db)
    expect(load.source).toBe('snapshot')
    const table = await allRows(db)
    expect(sorted(load.rows)).toEqual(table)
    expect(table.find((r) => r.id === 3)).toMatchObject({ name: 'Renamed Three', phone: row(3).phone })
    expect(table.some((r) => r.id === 5 || r.id === 41)).toBe(false)
    expect(load.rows).toHaveLength(40)
  })

  it('patches a block of changed rows read in one range, without the unchanged rows inside it twice', async () => {
    await mergeRows(db, rowsUpTo(100))
    await writeSnapshot(db)
    // A bulk edit of rows 10-30 but 20, and row 25 deleted: the dirty ids are close enough for one range read.
    await mergeRows(db, rowsUpTo(30).slice(9).filter((r) => r.id !== 20).map((r) => ({ ...r, tags: ['edited'] })))
    await deleteRows(db, [25])
    const load = await loadMirrorRows(db)
    expect(load).toMatchObject({ source: 'snapshot', dirty: 20 })
    expect(sorted(load.rows)).toEqual(await allRows(db))
    expect(load.rows.filter((r) => r.tags?.includes('edited'))).toHaveLength(19)
  })

  it('sees a write made by another path once it marks its ids dirty', async () => {
    await mergeRows(db, rowsUpTo(10))
    await writeSnapshot(db)
    await db.transaction('rw', db.contacts, db.meta, async () => {
      await db.contacts.delete(2)
      await db.contacts.put(row(-1, 'Created offline'))
      await markSnapshotDirty(db, [2, -1])
    })
    expect(sorted((await loadMirrorRows(db)).rows)).toEqual(await allRows(db))
  })

  it('falls back to the table once most rows changed since the snapshot', async () => {
    await mergeRows(db, rowsUpTo(20))
    await writeSnapshot(db)
    await mergeRows(db, rowsUpTo(20).map((r) => ({ ...r, name: `New ${r.id}` })))
    const load = await loadMirrorRows(db)
    expect(load.source).toBe('table')
    expect(sorted(load.rows)).toEqual(await allRows(db))
  })

  it('forgets old dirt and chunks when a new snapshot is written', async () => {
    await mergeRows(db, rowsUpTo(25))
    await writeSnapshot(db)
    await mergeRows(db, [row(1, 'Changed')])
    await deleteRows(db, rowsUpTo(25).slice(12).map((r) => r.id))
    await writeSnapshot(db)
    const load = await loadMirrorRows(db)
    expect(load).toMatchObject({ source: 'snapshot', dirty: 0 })
    expect(sorted(load.rows)).toEqual(await allRows(db))
    expect(await db.meta.where('key').startsWith('snapshot').count()).toBe(3)
  })
})

describe('firstRowsByName', () => {
  const names = (rows: ContactRow[]) => rows.map((r) => r.name)

  it('puts the first rows by id in name order before any snapshot exists', async () => {
    await mergeRows(db, [row(1, 'Cara'), row(2, 'Abe'), row(3, 'Bea'), row(4, 'Dan')])
    expect(names(await firstRowsByName(db, 3))).toEqual(['Abe', 'Bea', 'Cara'])
  })

  it('reads the snapshot head, with rows written since re-read and deleted ones gone', async () => {
    await mergeRows(db, [row(1, 'Cara'), row(2, 'Abe'), row(3, 'Bea'), row(4, 'Dan'), { id: 5, phone: '+15550000005' } as ContactRow])
    await writeSnapshot(db)
    await mergeRows(db, [row(4, 'Aaron'), row(6, 'Bob')])
    await deleteRows(db, [2])
    expect(names(await firstRowsByName(db, 4))).toEqual(['Aaron', 'Bea', 'Bob', 'Cara'])
  })

  it('re-reads only the head\'s own rows after a write that kept every name, and a row renamed into the first rows', async () => {
    const count = SNAPSHOT_HEAD_ROWS + 500
    // Names descend as ids rise: the head holds the highest 1000 ids.
    const named = (id: number, tags: string[] = []) => ({ ...row(id, `N${String(count - id).padStart(5, '0')}`), tags })
    await mergeRows(db, rowsUpTo(count).map((r) => named(r.id)))
    await writeSnapshot(db)
    // A bulk tag of rows 1-600 (beyond the head but for 100 of them): names kept.
    const tagged = rowsUpTo(600).map((r) => r.id)
    await db.transaction('rw', db.contacts, db.meta, async () => {
      await db.contacts.bulkPut(tagged.map((id) => named(id, ['fair'])))
      await markSnapshotDirty(db, tagged, [])
    })
    const read = vi.spyOn(db.contacts, 'bulkGet')
    const first = await firstRowsByName(db, 50)
    expect(first.map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, i) => count - i))
    // The head holds rows 501-1500: of the 600 tagged, only its own 100 are read again, with their tag.
    expect([...(read.mock.calls[0]![0] as number[])].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => 501 + i))
    const head = await firstRowsByName(db, SNAPSHOT_HEAD_ROWS)
    expect(head.find((r) => r.id === 600)?.tags).toEqual(['fair'])
    // A rename moves row 1 to the top: its dirt says so, and it is read.
    await db.transaction('rw', db.contacts, db.meta, async () => {
      await db.contacts.put({ ...named(1, ['fair']), name: 'A first' })
      await markSnapshotDirty(db, [1])
    })
    expect((await firstRowsByName(db, 2)).map((r) => r.name)).toEqual(['A first', `N00000`])
  })

  it('keeps the first names of a large mirror in its head, under the seal', async () => {
    const count = SNAPSHOT_HEAD_ROWS + 500
    await mergeRows(db, rowsUpTo(count).map((r) => row(r.id, `N${String(count - r.id).padStart(5, '0')}`)))
    await writeSnapshot(db)
    const first = await firstRowsByName(db, 50)
    expect(first.map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, i) => count - i))
    expect(await rawText(accountId, 'meta')).not.toContain('N00')
  })
})
