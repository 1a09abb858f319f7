import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { openAccountDatabase } from './database'
import { noteRecent, recentContacts } from './recent-contacts'

describe('recent contacts', () => {
  it('keeps the latest first, each once, server ids only, at most 200', async () => {
    const db = await openAccountDatabase(`recent-${randomUUID()}`)
    await noteRecent(db, [3, 4])
    await noteRecent(db, [5, -1, 3])
    expect(await recentContacts(db)).toEqual([5, 3, 4])
    await noteRecent(db, Array.from({ length: 300 }, (_, i) => 1000 + i))
    const kept = await recentContacts(db)
    expect(kept).toHaveLength(200)
    expect(kept[0]).toBe(1000)
    db.close()
  })
})
