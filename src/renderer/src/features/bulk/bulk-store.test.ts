import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ContactRow } from '../../../../shared/contact'
import { mergeRows } from '../../db/contacts-repo'
import { openAccountDatabase, type ContactsDb } from '../../db/database'
import { enqueueMany, queuedIntents } from '../../sync/outbox'
import { markSent } from '../../sync/outbox/test-support/queue-states'
import { setAppLocale } from '../../i18n'
import { useBulkStore } from './bulk-store'

const row = (id: number, tags: string[] = []): ContactRow => ({ id, name: `Contact ${id}`, type: 'whatsapp', blacklisted: false, tags })

let db: ContactsDb
beforeEach(async () => {
  setActivePinia(createPinia())
  db = await openAccountDatabase(`bulk-store-${randomUUID()}`)
  await mergeRows(db, [row(1), row(2, ['vip']), row(3)])
})
afterEach(() => {
  setAppLocale('en')
  db.close()
})

const tagsOf = async (id: number) => (await db.contacts.get(id))?.tags

describe('bulk store', () => {
  it('reports in the current language: German, with plural agreement', async () => {
    setAppLocale('de')
    const bulk = useBulkStore()
    await bulk.run(db, [1, 2, 3], { kind: 'addTags', tags: ['vip', 'messe'] })
    expect(bulk.report?.text).toBe('3 mit vip und messe getaggt')
    await bulk.undo()
    expect(bulk.report?.text).toBe('Rückgängig gemacht: 3 mit vip und messe getaggt')
    // A report still shown when the user switches language reads in the new one.
    setAppLocale('en')
    expect(bulk.report?.text).toBe('Undone: 3 tagged vip and messe')
  })

  it('runs an action, reports it, and undoes and redoes it', async () => {
    const bulk = useBulkStore()
    await bulk.run(db, [1, 2, 3], { kind: 'addTags', tags: ['vip'] })
    expect(bulk.report).toEqual({ text: '2 tagged vip · 1 already was', attention: [], tone: 'success' })
    expect(bulk.progress).toEqual({ done: 3, total: 3 })
    expect([bulk.canUndo, bulk.canRedo]).toEqual([true, false])

    await bulk.undo()
    expect(await tagsOf(1)).toEqual([])
    expect(await tagsOf(2)).toEqual(['vip'])
    expect(await queuedIntents(db, null)).toEqual([])
    expect(bulk.report?.text).toBe('Undone: 2 tagged vip · 1 already was')
    expect([bulk.canUndo, bulk.canRedo]).toEqual([false, true])

    await bulk.redo()
    expect(await tagsOf(3)).toEqual(['vip'])
    expect(bulk.report?.text).toBe('Redone: 2 tagged vip · 1 already was')
    expect([bulk.canUndo, bulk.canRedo]).toEqual([true, false])
  })

  it('redoes a delete on the contact its undo created again, once the delete had synced', async () => {
    const bulk = useBulkStore()
    await mergeRows(db, [{ ...row(4, ['vip']), phone: '+14155550104' }])
    await bulk.run(db, [4], { kind: 'delete' })
    // The replayer sent the delete: undo can only create the contact again, under a new id.
    await markSent(db)
    await bulk.undo()
    const [again] = await db.contacts.filter((contact) => contact.id < 0).toArray()
    expect(again).toMatchObject({ name: 'Contact 4', tags: ['vip'] })
    await bulk.redo()
    expect(bulk.report?.text).toBe('Redone: 1 deleted')
    expect(await db.contacts.get(again!.id)).toBeUndefined()
  })

  it('forgets redo after a new action, and everything on forget', async () => {
    const bulk = useBulkStore()
    await bulk.run(db, [1], { kind: 'setBlacklisted', blacklisted: true })
    await bulk.undo()
    await bulk.run(db, [3], { kind: 'addTags', tags: ['fair'] })
    expect(bulk.canRedo).toBe(false)
    bulk.forget()
    expect([bulk.canUndo, bulk.report]).toEqual([false, null])
  })

  it('says plainly when the outbox refuses the action, and nothing is kept for undo', async () => {
    const bulk = useBulkStore()
    await bulk.run(db, [1], { kind: 'addTags', tags: ['x'.repeat(80)] })
    expect(bulk.report?.tone).toBe('error')
    expect(bulk.report?.text).toMatch(/cannot be saved/)
    expect(bulk.canUndo).toBe(false)
  })

  it("undoes another feature's recorded step (an import, a merge) in one go, after the bulk actions before it", async () => {
    const bulk = useBulkStore()
    await bulk.run(db, [1], { kind: 'addTags', tags: ['first'] })
    const queued = await enqueueMany(db, [
      { kind: 'create', fields: { name: 'Imported', type: 'instagram' } },
      { kind: 'addTags', contactId: 3, tags: ['fair'] },
    ])
    if (!queued.ok) throw new Error(queued.error.message)
    bulk.record(
      db,
      {
        intents: [
          { seq: queued.data[0]!.seq, contactId: queued.data[0]!.contactId, input: { kind: 'create', fields: { name: 'Imported', type: 'instagram' } } },
          { seq: queued.data[1]!.seq, contactId: 3, input: { kind: 'addTags', contactId: 3, tags: ['fair'] } },
        ],
        before: new Map([[3, row(3)]]),
      },
      'Imported leads.csv',
    )
    await bulk.undo()
    expect(bulk.report?.text).toBe('Undone: Imported leads.csv')
    expect(await db.contacts.where(':id').below(0).count()).toBe(0)
    expect(await tagsOf(3)).toEqual([])
    // Not redone: the next undo takes back the bulk action before it.
    expect(bulk.canRedo).toBe(false)
    await bulk.undo()
    expect(await tagsOf(1)).toEqual([])
  })
})
