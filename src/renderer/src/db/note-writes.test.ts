import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openAccountDatabase, type ContactsDb } from './database'
import { subscribeNoteWrites, type NoteWrites } from './note-writes'

let db: ContactsDb
let heard: NoteWrites[]
beforeEach(async () => {
  db = await openAccountDatabase(`note-writes-${randomUUID()}`)
  await db.notes.bulkPut([
    { id: 1, contactId: 10, content: 'a' },
    { id: 2, contactId: 10, content: 'b' },
    { id: 3, contactId: 20, content: 'c' },
  ])
  heard = []
  subscribeNoteWrites(db, (writes) => heard.push(writes))
})
afterEach(() => db.close())

const contacts = (writes: NoteWrites) => ('contactIds' in writes ? [...writes.contactIds].sort((a, b) => a - b) : 'all')

describe('note writes', () => {
  it('names the contacts of put notes once the transaction commits', async () => {
    await db.notes.bulkPut([
      { id: 4, contactId: 30, content: 'd' },
      { id: 5, contactId: 40, content: 'e' },
    ])
    expect(heard.map(contacts)).toEqual([[30, 40]])
  })

  it('names the contacts whose notes were deleted, however they were deleted', async () => {
    await db.notes.delete(3)
    await db.notes.where('contactId').equals(10).delete()
    expect(heard.map(contacts)).toEqual([[20], [10]])
  })

  it('names both contacts when notes move from one to another', async () => {
    await db.notes.where('contactId').equals(10).modify({ contactId: 99 })
    expect(heard.map(contacts)).toEqual([[10, 99]])
  })

  it('says every contact after a clear, and nothing for an aborted transaction', async () => {
    await db.notes.clear()
    expect(heard.map(contacts)).toEqual(['all'])
    await expect(
      db.transaction('rw', db.notes, async () => {
        await db.notes.put({ id: 9, contactId: 50, content: 'x' })
        throw new Error('abort')
      }),
    ).rejects.toThrow('abort')
    expect(heard).toHaveLength(1)
  })
})
