import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { openAccountDatabase } from './database'
import { hasPendingEdits, pendingContactIds } from './pending-edits'

describe('pending edits', () => {
  it('reports pending edits only while the outbox holds an intent', async () => {
    const db = await openAccountDatabase(`pending-${randomUUID()}`)
    expect(await hasPendingEdits(db)).toBe(false)
    const seq = await db.outbox.add({ contactId: 4, kind: 'delete' })
    expect(await hasPendingEdits(db)).toBe(true)
    await db.outbox.delete(seq)
    expect(await hasPendingEdits(db)).toBe(false)
    db.close()
  })

  it('lists each contact with queued intents once, temporary ids included', async () => {
    const db = await openAccountDatabase(`pending-ids-${randomUUID()}`)
    await db.outbox.bulkAdd([{ contactId: 4 }, { contactId: 4 }, { contactId: -1 }, { contactId: 9 }])
    expect([...(await pendingContactIds(db))].sort((x, y) => x - y)).toEqual([-1, 4, 9])
    db.close()
  })
})
