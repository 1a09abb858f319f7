import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ContactRow } from '../../../../shared/contact'
import { mergeRows } from '../../db/contacts-repo'
import { openAccountDatabase, type ContactsDb } from '../../db/database'
import { queuedIntents } from '../../sync/outbox'
import { BULK_CHUNK, planFor, runBulkAction } from './bulk-actions'
import { summarize } from './bulk-summary'

const row = (id: number, extra: Partial<ContactRow> = {}): ContactRow => ({
  id,
  name: `Contact ${id}`,
  type: 'whatsapp',
  phone: `+1415555${String(id).padStart(4, '0')}`,
  blacklisted: false,
  tags: [],
  ...extra,
})

let db: ContactsDb
beforeEach(async () => {
  db = await openAccountDatabase(`bulk-${randomUUID()}`)
})
afterEach(() => db.close())

describe('bulk action plans', () => {
  it('only changes what is not already as wanted', () => {
    expect(planFor(row(1, { tags: ['vip'] }), { kind: 'addTags', tags: ['vip', 'fair'] })).toEqual({ intents: [{ kind: 'addTags', contactId: 1, tags: ['fair'] }] })
    expect(planFor(row(1, { tags: ['vip'] }), { kind: 'addTags', tags: ['vip'] })).toEqual({ unchanged: true })
    expect(planFor(row(1), { kind: 'removeTags', tags: ['vip'] })).toEqual({ unchanged: true })
    expect(planFor(row(1, { blacklisted: true }), { kind: 'setBlacklisted', blacklisted: true })).toEqual({ unchanged: true })
    expect(planFor(row(1), { kind: 'changeChannel', type: 'whatsapp' })).toEqual({ unchanged: true })
  })

  it('asks for attention where the reference forbids the change', () => {
    expect(planFor(row(1, { type: 'instagram', phone: null }), { kind: 'changeChannel', type: 'telegram' })).toEqual({
      attention: { kind: 'needsPhone', channel: 'telegram' },
    })
  })
})

describe('running a bulk action', () => {
  it('applies locally and queues one intent per changed contact, counting the rest', async () => {
    await mergeRows(db, [row(1), row(2, { tags: ['vip'] }), row(3)])
    const progress: number[] = []
    const result = await runBulkAction(db, [1, 2, 3, 99], { kind: 'addTags', tags: ['vip'] }, (done) => progress.push(done))
    if (!result.ok) throw new Error(result.error.message)
    expect(result.data.changed.map((before) => before.id)).toEqual([1, 3])
    expect(result.data.unchanged).toBe(1)
    expect(result.data.attention).toEqual([{ id: 99, name: null, reason: { kind: 'gone' } }])
    expect(progress).toEqual([4])
    expect((await db.contacts.get(3))?.tags).toEqual(['vip'])
    const queued = await queuedIntents(db, null)
    expect(queued.map((intent) => [intent.kind, intent.contactId])).toEqual([
      ['tags', 1],
      ['tags', 3],
    ])
    expect(summarize(result.data)).toBe('2 tagged vip · 1 already was · 1 needs attention')
  })

  it('works through thousands in chunks, reporting progress after each', async () => {
    const ids = Array.from({ length: BULK_CHUNK + 500 }, (_, i) => i + 1)
    await mergeRows(db, ids.map((id) => row(id)))
    const progress: number[] = []
    const result = await runBulkAction(db, ids, { kind: 'setBlacklisted', blacklisted: true }, (done) => progress.push(done))
    expect(result.ok && result.data.changed.length).toBe(ids.length)
    expect(progress).toEqual([BULK_CHUNK, BULK_CHUNK + 500])
    expect(await db.contacts.filter((contact) => contact.blacklisted === true).count()).toBe(ids.length)
  })

  it('queues with the contacts the query they were picked under, for replay to read its pages', async () => {
    await mergeRows(db, [row(1, { tags: ['fair'] }), row(2, { tags: ['fair'] }), row(3)])
    const result = await runBulkAction(db, [1, 2], { kind: 'addTags', tags: ['called'] }, () => {}, { text: 'contact', filters: { tag: 'fair', status: 'active' } })
    expect(result.ok).toBe(true)
    // The batch record carries the list query: the server's own filters, the search as one word, no status (the API has none).
    expect((await db.outbox.toArray()).map((stored) => (stored as { pages?: unknown }).pages)).toEqual([{ search: 'contact', tag: 'fair' }])
  })

  it('deletes contacts locally at once', async () => {
    await mergeRows(db, [row(1), row(2)])
    const result = await runBulkAction(db, [2], { kind: 'delete' })
    expect(result.ok && summarize(result.data)).toBe('1 deleted')
    expect(await db.contacts.get(2)).toBeUndefined()
  })
})
