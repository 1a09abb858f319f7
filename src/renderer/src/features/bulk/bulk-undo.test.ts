import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ContactRow } from '../../../../shared/contact'
import { mergeRows } from '../../db/contacts-repo'
import { openAccountDatabase, type ContactsDb } from '../../db/database'
import { queuedIntents } from '../../sync/outbox'
import { markSent } from '../../sync/outbox/test-support/queue-states'
import { runBulkAction, type BulkAction, type BulkOutcome } from './bulk-actions'
import { inverseOf, undoBulk } from './bulk-undo'

const row = (id: number, extra: Partial<ContactRow> = {}): ContactRow => ({ id, name: `Contact ${id}`, type: 'whatsapp', phone: '+14155550100', blacklisted: false, tags: [], ...extra })

let db: ContactsDb
beforeEach(async () => {
  db = await openAccountDatabase(`undo-${randomUUID()}`)
})
afterEach(() => db.close())

async function run(ids: number[], action: BulkAction): Promise<BulkOutcome> {
  const result = await runBulkAction(db, ids, action)
  if (!result.ok) throw new Error(result.error.message)
  return result.data
}

describe('undoing a bulk action', () => {
  it('drops intents not sent yet and puts the rows back as they were', async () => {
    await mergeRows(db, [row(1, { tags: ['old'] }), row(2)])
    const outcome = await run([1, 2], { kind: 'addTags', tags: ['vip'] })
    const result = await undoBulk(db, outcome)
    expect(result).toEqual({ ok: true, data: { dropped: 2, inverted: 0, impossible: 0, recreated: [], gone: 0 } })
    expect(await queuedIntents(db, null)).toEqual([])
    expect((await db.contacts.get(1))?.tags).toEqual(['old'])
    expect((await db.contacts.get(2))?.tags).toEqual([])
  })

  it('queues the inverse for contacts already synced', async () => {
    await mergeRows(db, [row(1), row(2, { blacklisted: true })])
    const outcome = await run([1, 2], { kind: 'setBlacklisted', blacklisted: false })
    expect(outcome.changed.map((before) => before.id)).toEqual([2])
    await markSent(db, [2])
    const result = await undoBulk(db, outcome)
    expect(result).toEqual({ ok: true, data: { dropped: 0, inverted: 1, impossible: 0, recreated: [], gone: 0 } })
    const queued = await queuedIntents(db, new Set([2]))
    expect(queued.at(-1)).toMatchObject({ kind: 'setBlacklisted', contactId: 2, blacklisted: true })
    expect((await db.contacts.get(2))?.blacklisted).toBe(true)
  })

  it('brings back a deleted contact: the row if the delete was not sent, a new contact if it was', async () => {
    await mergeRows(db, [row(1, { name: 'Ada Lovelace', tags: ['vip'] }), row(2, { name: 'Alan Turing' })])
    const outcome = await run([1, 2], { kind: 'delete' })
    await markSent(db, [2])
    const result = await undoBulk(db, outcome)
    const recreated = await db.contacts.filter((contact) => contact.id < 0).toArray()
    expect(result.ok && result.data).toEqual({ dropped: 1, inverted: 1, impossible: 0, recreated: [{ from: 2, to: recreated[0]!.id }], gone: 0 })
    expect(await db.contacts.get(1)).toMatchObject({ name: 'Ada Lovelace', tags: ['vip'] })
    expect(recreated).toMatchObject([{ name: 'Alan Turing', type: 'whatsapp' }])
  })

  it('writes back the blacklist, an inactive status and the notes of a contact whose delete had synced', async () => {
    await mergeRows(db, [row(3, { name: 'Grace Hopper', blacklisted: true, status: 'inactive' })])
    await db.notes.bulkPut([
      { id: 30, contactId: 3, content: 'First call', created_at: '2026-01-01T10:00:00.000000Z' },
      { id: 31, contactId: 3, content: 'Sent the quote', created_at: '2026-02-01T10:00:00.000000Z' },
    ])
    const outcome = await run([3], { kind: 'delete' })
    await markSent(db, [3])
    const result = await undoBulk(db, outcome)
    if (!result.ok) throw new Error(result.error.message)
    const to = result.data.recreated[0]!.to
    expect(await db.contacts.get(to)).toMatchObject({ name: 'Grace Hopper', blacklisted: true, status: 'inactive' })
    expect((await db.notes.where('contactId').equals(to).toArray()).map((note) => note.content).sort()).toEqual(['First call', 'Sent the quote'])
    // Queued in the order they were written, so the server dates them in that order too.
    const queued = await queuedIntents(db, new Set([to]))
    expect(queued.map((intent) => (intent.kind === 'addNote' ? intent.content : intent.kind))).toEqual(['create', 'setBlacklisted', 'update', 'First call', 'Sent the quote'])
  })

  it('says which synced list additions cannot be taken back', async () => {
    await mergeRows(db, [row(1), row(2)])
    const outcome = await run([1, 2], { kind: 'addToList', listId: 7 })
    await markSent(db, [1])
    const result = await undoBulk(db, outcome)
    expect(result.ok && result.data).toEqual({ dropped: 1, inverted: 0, impossible: 1, recreated: [], gone: 0 })
  })

  it('inverts only what the action really changed', () => {
    expect(inverseOf(row(1, { tags: ['a'] }), { kind: 'addTags', tags: ['a', 'b'] })).toEqual([{ kind: 'removeTags', contactId: 1, tags: ['b'] }])
    expect(inverseOf(row(1, { tags: ['a'] }), { kind: 'removeTags', tags: ['a', 'b'] })).toEqual([{ kind: 'addTags', contactId: 1, tags: ['a'] }])
    expect(inverseOf(row(1, { type: 'telegram' }), { kind: 'changeChannel', type: 'whatsapp' })).toEqual([
      { kind: 'update', contactId: 1, changes: { type: 'telegram' } },
    ])
  })
})
