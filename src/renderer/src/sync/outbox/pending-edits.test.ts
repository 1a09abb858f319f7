import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { Intent, OutboxRow } from './intent'
import { openAccountDatabase } from '../../db/database'
import { hasPendingEdits, pendingContactIds } from './pending-edits'
import { outboxStore } from './outbox-store'

const createdAt = '2026-03-04T10:00:00.000Z'
const queued = (intent: Intent): OutboxRow => ({ ...intent, status: 'pending', attempts: 0, createdAt })
const deletion = (contactId: number): Intent => ({ kind: 'delete', contactId })

describe('pending edits', () => {
  it('reports pending edits only while the outbox holds an intent', async () => {
    const db = await openAccountDatabase(`pending-${randomUUID()}`)
    expect(await hasPendingEdits(db)).toBe(false)
    const seq = await outboxStore(db).add(queued(deletion(4)))
    expect(await hasPendingEdits(db)).toBe(true)
    await outboxStore(db).delete(seq)
    expect(await hasPendingEdits(db)).toBe(false)
    db.close()
  })

  it('lists each contact with queued intents once, temporary ids and bulk edits included', async () => {
    const db = await openAccountDatabase(`pending-ids-${randomUUID()}`)
    await outboxStore(db).bulkPut([queued(deletion(4)), queued(deletion(4)), queued(deletion(-1)), queued(deletion(9))])
    await outboxStore(db).add({ kind: 'batch', contactId: 0, firstSeq: 10, seq: 11, createdAt, intents: [deletion(12), deletion(4)] })
    expect([...(await pendingContactIds(db))].sort((x, y) => x - y)).toEqual([-1, 4, 9, 12])
    db.close()
  })
})
