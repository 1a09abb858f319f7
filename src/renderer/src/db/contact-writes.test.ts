import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ContactRow } from '../../../shared/contact'
import { subscribeContactWrites, type ContactWrites } from './contact-writes'
import { mergeRows } from './contacts-repo'
import { openAccountDatabase, type ContactsDb } from './database'

const row = (id: number, name: string): ContactRow => ({ id, name, type: 'whatsapp', blacklisted: false, tags: [] })

let db: ContactsDb
let heard: ContactWrites[]
beforeEach(async () => {
  db = await openAccountDatabase(`writes-${randomUUID()}`)
  heard = []
  subscribeContactWrites(db, (writes) => heard.push(writes))
})
afterEach(() => db.close())

const sortedIds = (writes: ContactWrites) => ('ids' in writes ? [...writes.ids].sort((a, b) => a - b) : 'all')

describe('contact writes', () => {
  it('reports the ids of a bulk put once its transaction commits', async () => {
    await mergeRows(db, Array.from({ length: 120 }, (_, i) => row(i + 1, `Name ${i}`)))
    expect(heard).toHaveLength(1)
    expect(sortedIds(heard[0])).toEqual(Array.from({ length: 120 }, (_, i) => i + 1))
  })

  it('collects every write of one transaction into one report, deletes included', async () => {
    await mergeRows(db, [row(1, 'A'), row(2, 'B')])
    heard = []
    await db.transaction('rw', db.contacts, async () => {
      await db.contacts.put(row(3, 'C'))
      await db.contacts.update(1, { name: 'A2' })
      await db.contacts.bulkDelete([2])
    })
    expect(heard.map(sortedIds)).toEqual([[1, 2, 3]])
  })

  it('reports nothing when the transaction aborts', async () => {
    await expect(
      db.transaction('rw', db.contacts, async () => {
        await db.contacts.put(row(9, 'Nine'))
        throw new Error('changed my mind')
      }),
    ).rejects.toThrow('changed my mind')
    expect(heard).toEqual([])
    expect(await db.contacts.get(9)).toBeUndefined()
  })

  it('reports everything after a clear', async () => {
    await mergeRows(db, [row(1, 'A')])
    heard = []
    await db.contacts.clear()
    expect(heard).toEqual([{ all: true }])
  })

  it('ignores writes to other tables', async () => {
    await db.meta.put({ key: 'x', value: 1 })
    expect(heard).toEqual([])
  })
})
