import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Contact, ContactRow } from '../../../shared/contact'
import { openAccountDatabase, type ContactsDb } from './database'
import { allRows, countRows, deleteRows, mergeRows, unseenIds } from './contacts-repo'
import { aContact } from '../../../shared/test-support/contact-fixture'

let db: ContactsDb
beforeEach(async () => {
  db = await openAccountDatabase(`repo-${randomUUID()}`)
})
afterEach(() => db.close())

const full = (id: number, name: string): Contact => aContact({ id, name, email: `c${id}@example.com` })

describe('mergeRows', () => {
  it('keeps known fields that a partial page does not carry', async () => {
    await db.contacts.bulkPut([full(1, 'Ada'), full(2, 'Bob')])
    const merged = await mergeRows(db, [
      { id: 1, name: 'Ada L.', tags: ['vip'] },
      { id: 3, name: 'Cy' },
    ])
    expect(merged.map((row) => row.id)).toEqual([1, 3])
    expect(await db.contacts.get(1)).toEqual({ ...full(1, 'Ada L.'), tags: ['vip'] })
    expect(await db.contacts.get(2)).toEqual(full(2, 'Bob'))
    expect(await db.contacts.get(3)).toEqual({ id: 3, name: 'Cy' })
  })

  it('merges pages whose ids are close (one range read) and leaves stored rows between them alone', async () => {
    await db.contacts.bulkPut([full(1, 'A'), full(2, 'B'), full(3, 'C'), full(4, 'D')])
    await mergeRows(db, [{ id: 3, name: 'C2' }, { id: 1, name: 'A2' }, { id: 5, name: 'E' }])
    expect(await db.contacts.get(1)).toEqual(full(1, 'A2'))
    expect(await db.contacts.get(2)).toEqual(full(2, 'B'))
    expect(await db.contacts.get(3)).toEqual(full(3, 'C2'))
    expect(await db.contacts.get(5)).toEqual({ id: 5, name: 'E' })
  })

  it('merges pages whose ids are far apart (one read per id)', async () => {
    await db.contacts.bulkPut([full(1, 'A'), full(50_000, 'B'), full(900, 'Between')])
    await mergeRows(db, [{ id: 50_000, name: 'B2' }, { id: 1, name: 'A2' }, { id: 7_000, name: 'New' }])
    expect(await db.contacts.get(1)).toEqual(full(1, 'A2'))
    expect(await db.contacts.get(50_000)).toEqual(full(50_000, 'B2'))
    expect(await db.contacts.get(900)).toEqual(full(900, 'Between'))
    expect(await db.contacts.get(7_000)).toEqual({ id: 7_000, name: 'New' })
  })

  it('lets full rows replace stored rows, nulls included', async () => {
    await db.contacts.put({ ...full(1, 'Ada'), phone: '+14155550100' })
    await mergeRows(db, [{ ...full(1, 'Ada'), email: null }])
    expect(await db.contacts.get(1)).toEqual({ ...full(1, 'Ada'), email: null })
  })

  it('writes nothing when one row of the page cannot be stored', async () => {
    await db.contacts.put({ id: 1, name: 'Ada' })
    const bad = { id: Number.NaN, name: 'Invalid key' } as ContactRow
    await expect(mergeRows(db, [{ id: 1, name: 'Changed' }, bad])).rejects.toThrow()
    expect(await db.contacts.get(1)).toEqual({ id: 1, name: 'Ada' })
  })

  it('accepts an empty page', async () => {
    expect(await mergeRows(db, [])).toEqual([])
  })
})

describe('mergeRows over a mirror that already knows the rows', () => {
  it('writes only the rows a partial re-pull changes', async () => {
    await mergeRows(db, [full(1, 'Ada'), full(2, 'Bo')])
    const writes = vi.spyOn(db.contacts, 'bulkPut')
    const partial = (row: Contact): ContactRow => ({ id: row.id, name: row.name, phone: row.phone, type: row.type, blacklisted: row.blacklisted, tags: row.tags })
    await mergeRows(db, [partial(full(1, 'Ada')), partial(full(2, 'Bo Renamed'))])
    expect(writes).toHaveBeenCalledTimes(1)
    expect(writes.mock.calls[0]![0].map((row) => row.id)).toEqual([2])
    expect(await db.contacts.get(2)).toMatchObject({ name: 'Bo Renamed', email: 'c2@example.com' })
  })
})

describe('reads', () => {
  it('counts and lists every row', async () => {
    await db.contacts.bulkPut([{ id: 1 }, { id: -2, name: 'Offline' }])
    expect(await countRows(db)).toBe(2)
    expect((await allRows(db)).map((row) => row.id).sort((a, b) => a - b)).toEqual([-2, 1])
  })
})

describe('unseenIds', () => {
  it('lists stored server ids neither seen nor protected, ascending, never temporary ids', async () => {
    await db.contacts.bulkPut([{ id: 4 }, { id: -1 }, { id: 1 }, { id: 2 }, { id: 3 }, { id: -7 }])
    expect(await unseenIds(db, new Set([1]), new Set([3]))).toEqual([2, 4])
    expect(await unseenIds(db, new Set([1, 2, 3, 4]), new Set())).toEqual([])
  })
})

describe('deleteRows', () => {
  it('deletes the given rows with their notes, keeps the others, and counts only rows that were stored', async () => {
    await db.contacts.bulkPut([{ id: -1 }, { id: 1 }, { id: 2 }, { id: 3 }])
    await db.notes.bulkPut([
      { id: 10, contactId: 2, content: 'gone with 2' },
      { id: 11, contactId: 1, content: 'kept' },
    ])
    expect(await deleteRows(db, [2, 3, 99])).toBe(2)
    expect((await db.contacts.toCollection().primaryKeys()).sort()).toEqual([-1, 1])
    expect((await db.notes.toArray()).map((note) => note.id)).toEqual([11])
  })

  it('deletes nothing when given no ids', async () => {
    await db.contacts.bulkPut([{ id: 1 }, { id: 2 }])
    expect(await deleteRows(db, [])).toBe(0)
    expect(await countRows(db)).toBe(2)
  })
})
