import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ContactRow } from '../../../shared/contact'
import { mergeRows } from '../db/contacts-repo'
import { openAccountDatabase, type ContactsDb } from '../db/database'
import { createSearchService, type SearchService } from './search-service'

const people: ContactRow[] = [
  { id: 1, name: 'Sarah Johnson', phone: '+14155551234', type: 'whatsapp', blacklisted: false, tags: [] },
  { id: 2, name: 'Kim Park', phone: '+34612345678', type: 'telegram', blacklisted: false, tags: [] },
  { id: 3, name: 'Amy Adams', phone: '+442079460958', type: 'whatsapp', blacklisted: false, tags: [] },
]

let accountId: string
let db: ContactsDb
let service: SearchService
let told: number
const open = () => openAccountDatabase(accountId)
beforeEach(async () => {
  accountId = `search-notes-${randomUUID()}`
  db = await open()
  await mergeRows(db, people)
  await db.notes.bulkPut([
    { id: 10, contactId: 3, content: 'Asked for the price list of the Pro plan.', created_at: '2026-01-02T00:00:00.000000Z' },
    { id: 11, contactId: 3, content: 'Call back Monday', created_at: '2026-01-03T00:00:00.000000Z' },
    { id: 12, contactId: 2, content: 'Prefers email', created_at: '2026-01-01T00:00:00.000000Z' },
  ])
  told = 0
  service = createSearchService(open, { onIndexChanged: () => told++ })
})
afterEach(() => db.close())

const page = (text: string, filters = {}) => service.query({ text, filters, offset: 0, limit: 50 })
const ids = async (text: string) => (await page(text)).rows.map((row) => row.id)

describe('search service: emails and notes', () => {
  it('indexes the notes after search is ready and shows the note piece that matched', async () => {
    await service.open(accountId)
    // Ready before a single note is read: the first answers know no notes yet.
    expect(await ids('note:price')).toEqual([])
    expect(told).toBe(0)
    await service.notesLoaded
    expect(told).toBe(1)
    const result = await page('note:price')
    expect(result.rows.map((row) => row.id)).toEqual([3])
    expect(result.excerpts).toEqual({ 3: { noteId: 10, text: 'Asked for the price list of the Pro plan.', marks: [[14, 19]] } })
    // A plain word found in notes: after name matches, with its excerpt; a name match has none.
    const plain = await page('pro')
    expect(plain.rows.map((row) => row.id)).toEqual([3])
    expect(plain.excerpts?.[3]?.text).toContain('Pro plan')
    expect((await page('sarah')).excerpts).toBeUndefined()
  })

  it('re-reads the notes of touched contacts: added, changed and gone', async () => {
    await service.open(accountId)
    await service.notesLoaded
    await db.notes.put({ id: 13, contactId: 1, content: 'Discount of 10% agreed' })
    await service.notesTouched([1])
    expect(await ids('note:discount')).toEqual([1])
    await db.notes.delete(10)
    await service.notesTouched([3])
    expect(await ids('note:price')).toEqual([])
    expect(await ids('note:monday')).toEqual([3])
    await db.notes.where('contactId').equals(3).delete()
    await service.notesTouched([3])
    expect(await ids('note:monday')).toEqual([])
    await db.notes.clear()
    await service.notesTouched('all')
    expect(await ids('note:discount')).toEqual([])
  })

  it('applies note changes made while the notes were still loading', async () => {
    const opened = service.open(accountId)
    await db.notes.put({ id: 14, contactId: 2, content: 'Visited the warehouse' })
    const touched = service.notesTouched([2])
    await opened
    await touched
    expect(await ids('note:warehouse')).toEqual([2])
  })

  it('keeps notes through a full reload of the rows', async () => {
    await service.open(accountId)
    await service.notesLoaded
    await service.touched('all')
    expect(await ids('note:monday')).toEqual([3])
  })

  it('finds a contact by email once a background read added it', async () => {
    await service.open(accountId)
    expect(await ids('northwind')).toEqual([])
    await db.contacts.update(2, { email: 'k.park@northwind-traders.co.uk', status: 'active' })
    await service.touched([2])
    expect(await ids('northwind')).toEqual([2])
    expect(await ids('park@north')).toEqual([2])
  })

  it('says how many matches a status filter leaves out for not knowing their status', async () => {
    await service.open(accountId)
    expect(await page('', { status: 'active' })).toMatchObject({ total: 0, unknown: 3 })
    await db.contacts.update(2, { status: 'active' })
    await service.touched([2])
    expect(await page('', { status: 'active' })).toMatchObject({ total: 1, unknown: 2 })
  })
})

describe('search service: many note writes', () => {
  it('reads the notes of contacts touched while a read runs together, telling the page once for them', async () => {
    await service.open(accountId)
    await service.notesLoaded
    told = 0
    await db.notes.bulkPut([
      { id: 20, contactId: 1, content: 'first batch' },
      { id: 21, contactId: 2, content: 'second batch' },
      { id: 22, contactId: 3, content: 'third batch' },
    ])
    const touches = [service.notesTouched([1]), service.notesTouched([2]), service.notesTouched([3])]
    await Promise.all(touches)
    expect(await ids('note:batch')).toEqual([3, 2, 1])
    expect(told).toBe(1)
  })
})
