import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ContactRow } from '../../../shared/contact'
import { mergeRows } from '../db/contacts-repo'
import { openAccountDatabase, type ContactsDb } from '../db/database'
import { loadMirrorRows } from '../db/snapshot'
import { createSearchService, type SearchService } from './search-service'

const people: ContactRow[] = [
  { id: 1, name: 'Sarah Johnson', email: 'sarah@example.com', phone: '+14155551234', type: 'whatsapp', blacklisted: false, tags: ['vip'] },
  { id: 2, name: 'José Álvarez', phone: '+34612345678', type: 'telegram', blacklisted: false, tags: ['lead'] },
  { id: 3, name: 'John Johnston', phone: '+442079460958', type: 'whatsapp', blacklisted: true, tags: [] },
]
/** 300 "Anna n" rows: more matches than one first page holds. */
const annas: ContactRow[] = Array.from({ length: 300 }, (_, i) => ({ id: 100 + i, name: `Anna ${String(i).padStart(3, '0')}`, type: 'instagram', blacklisted: false, tags: [] }))

let accountId: string
let db: ContactsDb
let service: SearchService
const open = () => openAccountDatabase(accountId)
beforeEach(async () => {
  accountId = `search-service-${randomUUID()}`
  db = await open()
  await mergeRows(db, [...people, ...annas])
  service = createSearchService(open)
})
afterEach(() => db.close())

const page = (text: string, offset = 0, limit = 50, filters = {}) => service.query({ text, filters, offset, limit })
const ids = async (text: string, filters = {}) => (await page(text, 0, 50, filters)).rows.map((row) => row.id)

describe('search service', () => {
  it('loads the mirror, reports it and answers ranked rows with their total', async () => {
    expect(await service.open(accountId)).toMatchObject({ rows: 303, source: 'table' })
    const result = await page('sarah')
    expect(result).toMatchObject({ total: 1, ready: true })
    expect(result.rows).toEqual([people[0]])
    expect(await ids('john')).toEqual([3, 1])
    expect(await ids('jonhson')).toEqual([1])
    expect(await ids('', { blacklisted: true })).toEqual([3])
  })

  it('finds a phone fragment asked at once after open, before the phone runs were warmed up', async () => {
    await service.open(accountId)
    expect(await ids('4155')).toEqual([1])
    expect(await ids('+34 612')).toEqual([2])
  })

  it('counts the tags in use, most used first', async () => {
    await service.open(accountId)
    await db.contacts.update(3, { tags: ['vip', 'fair-2026'] })
    await service.touched([3])
    expect(await service.tags()).toEqual([
      { tag: 'vip', count: 2 },
      { tag: 'fair-2026', count: 1 },
      { tag: 'lead', count: 1 },
    ])
  })

  it("orders tags used as often by the page's language, numbers by value", async () => {
    await service.open(accountId)
    await db.contacts.update(1, { tags: ['nz'] })
    await db.contacts.update(2, { tags: ['ñu'] })
    await db.contacts.update(3, { tags: ['tag10', 'tag2'] })
    await service.touched([1, 2, 3])
    const order = async () => (await service.tags()).map((each) => each.tag)
    expect(await order()).toEqual(['ñu', 'nz', 'tag2', 'tag10'])
    await service.setLocale('es')
    expect(await order()).toEqual(['nz', 'ñu', 'tag2', 'tag10'])
  })

  it('uses the snapshot once one was written', async () => {
    await service.open(accountId)
    expect(await service.saveSnapshot()).toBe(303)
    const again = createSearchService(open)
    expect(await again.open(accountId)).toMatchObject({ rows: 303, source: 'snapshot' })
  })

  it('slices deep pages from one ranking, in name order and without repeats', async () => {
    await service.open(accountId)
    const seen: number[] = []
    for (let offset = 0; offset < 300; offset += 40) {
      const result = await page('anna', offset, 40)
      expect(result.total).toBe(300)
      seen.push(...result.rows.map((row) => row.id))
    }
    expect(seen).toEqual(annas.map((row) => row.id))
    expect(await service.allIds('anna', {})).toEqual(annas.map((row) => row.id))
  })

  it('answers queries sent before the index is built once it is', async () => {
    const early = page('sarah')
    await service.open(accountId)
    expect((await early).rows.map((row) => row.id)).toEqual([1])
  })

  it('re-reads touched rows from the mirror, including those touched while loading', async () => {
    let told = 0
    service = createSearchService(open, { onIndexChanged: () => told++ })
    await db.contacts.update(2, { name: 'Joseph Alvarez' })
    const early = service.touched([2])
    const opening = service.open(accountId)
    await db.contacts.delete(3)
    void service.touched([3])
    await opening
    await early
    expect(await ids('joseph')).toEqual([2])
    // The row as stored: fields the change did not touch are still there.
    expect((await page('joseph')).rows[0]).toMatchObject({ phone: '+34612345678', tags: ['lead'] })
    expect(await ids('', { blacklisted: true })).toEqual([])
    await db.contacts.put({ id: 4, name: 'Johnny Cash', type: 'whatsapp', blacklisted: false, tags: [] })
    await service.touched([4])
    expect(await ids('john')).toEqual([4, 1])
    await db.contacts.delete(1)
    await service.touched([1])
    expect(await ids('john')).toEqual([4])
    expect(told).toBe(4)
  })

  it('reloads every row when told everything changed', async () => {
    await service.open(accountId)
    await db.contacts.clear()
    await db.contacts.put({ id: 7, name: 'Only One', type: 'telegram', blacklisted: false, tags: [] })
    await service.touched('all')
    expect(await page('')).toMatchObject({ total: 1, rows: [{ id: 7 }] })
  })

  it('invalidates a cached ranking when a row changes', async () => {
    await service.open(accountId)
    expect((await page('anna', 200, 10)).total).toBe(300)
    await db.contacts.delete(100)
    await service.touched([100])
    const result = await page('anna', 0, 10)
    expect(result.total).toBe(299)
    expect(result.rows[0].id).toBe(101)
  })

  it('answers a call by message with a reply carrying its id, and a failure as a value', async () => {
    const reply = await service.handle({ type: 'call', id: 7, name: 'open', args: { accountId, locale: 'en', key: null } })
    expect(reply).toMatchObject({ type: 'reply', id: 7, ok: true, value: { rows: 303 } })
    await db.contacts.delete(1)
    expect(await service.handle({ type: 'touched', ids: [1] })).toBeNull()
    expect(await service.allIds('sarah', {})).toEqual([])
    const broken = createSearchService(() => Promise.reject(new Error('no IndexedDB')))
    expect(await broken.handle({ type: 'call', id: 1, name: 'open', args: { accountId, locale: 'en', key: null } })).toEqual({ type: 'reply', id: 1, ok: false, message: 'no IndexedDB' })
    expect(await broken.handle({ type: 'call', id: 2, name: 'allIds', args: { text: '', filters: {} } })).toMatchObject({ ok: false, message: 'no IndexedDB' })
  })

  it('keeps the loaded rows equal to the mirror', async () => {
    await service.open(accountId)
    const everyone = await service.query({ text: '', filters: {}, offset: 0, limit: 1000 })
    const mirror = (await loadMirrorRows(db)).rows
    expect(everyone.rows.slice().sort((a, b) => a.id - b.id)).toEqual(mirror.sort((a, b) => a.id - b.id))
  })
  it('orders names as the page’s language does, and again after it changed, telling the page', async () => {
    await mergeRows(db, [
      { id: 900, name: 'Ñandú Pérez', type: 'whatsapp', blacklisted: false, tags: [] },
      { id: 901, name: 'Nora Díaz', type: 'whatsapp', blacklisted: false, tags: [] },
    ])
    let changes = 0
    const spanish = createSearchService(open, { onIndexChanged: () => changes++ })
    await spanish.open(accountId, 'en')
    const names = async () => (await spanish.query({ text: 'n', filters: {}, offset: 0, limit: 50 })).rows.map((row) => row.name)
    expect(await names()).toEqual(['Ñandú Pérez', 'Nora Díaz'])
    expect(await spanish.handle({ type: 'call', id: 1, name: 'setLocale', args: { locale: 'es' } })).toEqual({ type: 'reply', id: 1, ok: true, value: null })
    expect(await names()).toEqual(['Nora Díaz', 'Ñandú Pérez'])
    expect(changes).toBe(1)
  })
})
