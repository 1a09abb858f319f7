import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openAccountDatabase, type ContactsDb } from '../../db/database'
import { clearCheckpoint, loadCheckpoint, recordPage, startPass } from './pull-checkpoint'

let db: ContactsDb
beforeEach(async () => {
  db = await openAccountDatabase(`checkpoint-${randomUUID()}`)
})
afterEach(() => db.close())

const at = new Date('2026-03-04T10:00:00Z')
const pass = { pass: 1, startedAt: at.toISOString(), perPage: 100, startTotal: 250, lastPage: 3 }

describe('pull checkpoint', () => {
  it('returns the header and the ids of every recorded page', async () => {
    await startPass(db, pass)
    await recordPage(db, 1, [1, 2], 250)
    await recordPage(db, 3, [9], 250)
    const checkpoint = await loadCheckpoint(db, at, 60_000)
    expect(checkpoint?.header).toMatchObject(pass)
    expect([...(checkpoint?.pages ?? [])]).toEqual([
      [1, [1, 2]],
      [3, [9]],
    ])
    expect(checkpoint?.totalChanged).toBe(false)
  })

  it('remembers that a merged page reported another total, so a resume still sees the drift', async () => {
    await startPass(db, pass)
    await recordPage(db, 1, [1, 2], 250)
    await recordPage(db, 2, [3], 251)
    expect((await loadCheckpoint(db, at, 60_000))?.totalChanged).toBe(true)
  })

  it('forgets the previous pass\u2019s pages when a new pass starts', async () => {
    await startPass(db, pass)
    await recordPage(db, 2, [5], 250)
    await startPass(db, { ...pass, pass: 2 })
    const checkpoint = await loadCheckpoint(db, at, 60_000)
    expect(checkpoint?.header.pass).toBe(2)
    expect(checkpoint?.pages.size).toBe(0)
  })

  it('is ignored when too old, unreadable or cleared', async () => {
    expect(await loadCheckpoint(db, at, 60_000)).toBeNull()
    await startPass(db, pass)
    expect(await loadCheckpoint(db, new Date(at.getTime() + 60_001), 60_000)).toBeNull()
    await db.meta.put({ key: 'pull.checkpoint', value: { format: 0, pass: 'one' } })
    expect(await loadCheckpoint(db, at, 60_000)).toBeNull()
    await startPass(db, pass)
    await recordPage(db, 1, [1], 250)
    await clearCheckpoint(db)
    expect(await loadCheckpoint(db, at, 60_000)).toBeNull()
    expect(await db.meta.count()).toBe(0)
  })
})
