import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { openAccountDatabase } from './database'
import { unlessClosed } from './unless-closed'

describe('unlessClosed', () => {
  it('turns a read of a closed mirror into undefined, and keeps other failures', async () => {
    const db = await openAccountDatabase(`closed-${randomUUID()}`)
    db.close({ disableAutoOpen: true })
    await expect(db.contacts.count()).rejects.toMatchObject({ name: 'DatabaseClosedError' })
    await expect(unlessClosed(db.contacts.count())).resolves.toBeUndefined()
    await expect(unlessClosed(Promise.reject(new TypeError('a bug')))).rejects.toThrow('a bug')
  })
})
