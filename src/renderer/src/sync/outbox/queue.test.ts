import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openAccountDatabase, type ContactsDb } from '../../db/database'
import { enqueue } from './enqueue'
import type { IntentInput, QueuedIntent } from './intent'
import { outboxEvents, type OutboxEvent } from './outbox-events'
import { discard, editIntent, exportJson, listQueue, pendingContactIds, pendingCount, resolveConflict, retry, retryAllNow } from './queue'

let db: ContactsDb
beforeEach(async () => {
  db = await openAccountDatabase(`queue-${randomUUID()}`)
  await db.contacts.bulkPut([{ id: 1, name: 'Ada', email: null, type: 'instagram', tags: ['a'], blacklisted: false, status: 'active' }])
})
afterEach(() => db.close())

async function queue(input: IntentInput): Promise<QueuedIntent> {
  const queued = await enqueue(db, input)
  if (!queued.ok) throw new Error(queued.error.message)
  return (await listQueue(db)).find((row) => row.seq === queued.data.seq) as QueuedIntent
}

/** Parks a row as the replayer would. */
async function park(row: QueuedIntent, state: Partial<QueuedIntent>): Promise<void> {
  await db.outbox.put({ ...row, ...state } as QueuedIntent)
}

describe('managing the queue', () => {
  it('discarding a create forgets the new contact, its notes and its other intents', async () => {
    const create = await queue({ kind: 'create', fields: { name: 'Temp', type: 'instagram' } })
    await queue({ kind: 'addNote', contactId: create.contactId, content: 'About Temp' })
    await queue({ kind: 'addTags', contactId: 1, tags: ['kept'] })
    expect((await discard(db, create.seq)).ok).toBe(true)
    expect(await db.contacts.get(create.contactId)).toBeUndefined()
    expect(await db.notes.where('contactId').equals(create.contactId).count()).toBe(0)
    expect((await listQueue(db)).map((row) => row.contactId)).toEqual([1])
    expect([...(await pendingContactIds(db))]).toEqual([1])
  })

  it('discarding an update puts back the values it replaced', async () => {
    const update = await queue({ kind: 'update', contactId: 1, changes: { name: 'Ada L', email: 'ada@example.com' } })
    await discard(db, update.seq)
    expect(await db.contacts.get(1)).toMatchObject({ name: 'Ada', email: null })
    expect(await pendingCount(db)).toBe(0)
  })

  it('discarding a note removes the local note', async () => {
    const note = await queue({ kind: 'addNote', contactId: 1, content: 'Hello' })
    await discard(db, note.seq)
    expect(await db.notes.count()).toBe(0)
  })

  it('resolving a conflict with theirs drops the field and shows their value; the last resolution unparks it', async () => {
    const update = await queue({ kind: 'update', contactId: 1, changes: { name: 'Mine', status: 'inactive' } })
    await park(update, {
      status: 'conflict',
      conflicts: [
        { field: 'name', base: 'Ada', mine: 'Mine', theirs: 'Theirs' },
        { field: 'status', base: 'active', mine: 'inactive', theirs: 'active' },
      ],
    })
    await resolveConflict(db, update.seq, 'name', 'theirs')
    expect(await db.contacts.get(1)).toMatchObject({ name: 'Theirs' })
    expect((await listQueue(db))[0]).toMatchObject({ status: 'conflict', changes: { status: 'inactive' }, conflicts: [{ field: 'status' }] })
    await resolveConflict(db, update.seq, 'status', 'mine')
    const [row] = await listQueue(db)
    expect(row).toMatchObject({ status: 'pending', changes: { status: 'inactive' }, base: { status: 'active' } })
    expect(row.conflicts).toBeUndefined()
    expect(await resolveConflict(db, update.seq, 'name', 'mine')).toMatchObject({ ok: false, error: { kind: 'validation' } })
  })

  it('fixing a refused note re-queues it with the new text, validated', async () => {
    const note = await queue({ kind: 'addNote', contactId: 1, content: 'Draft' })
    await park(note, { status: 'invalid', lastError: { kind: 'validation', message: 'Too long', fields: { content: ['Too long'] } } })
    expect(await editIntent(db, note.seq, { content: '' })).toMatchObject({ ok: false, error: { fields: { content: ['A note cannot be empty.'] } } })
    expect(await editIntent(db, note.seq, { content: 'Final' })).toEqual({ ok: true, data: undefined })
    expect((await listQueue(db))[0]).toMatchObject({ status: 'pending', content: 'Final', attempts: 0 })
    expect(note.kind === 'addNote' && (await db.notes.get(note.noteId))?.content).toBe('Final')
  })

  it('retry unparks a failed intent and ends its backoff; retryAllNow ends every backoff', async () => {
    const tags = await queue({ kind: 'addTags', contactId: 1, tags: ['x'] })
    await park(tags, { status: 'failed', attempts: 3, notBefore: Date.now() + 60_000, lastError: { kind: 'internal', message: 'bug' } })
    await retry(db, tags.seq)
    const [retried] = await listQueue(db)
    expect(retried).toMatchObject({ status: 'pending', attempts: 0 })
    expect(retried.notBefore).toBeUndefined()
    await park({ ...tags, status: 'pending' }, { notBefore: Date.now() + 60_000 })
    await retryAllNow(db)
    expect((await listQueue(db))[0].notBefore).toBeUndefined()
    expect(await retry(db, 999)).toMatchObject({ ok: false, error: { kind: 'not_found' } })
  })

  it('exports the queue as JSON and tells listeners about every change', async () => {
    const seen: OutboxEvent[] = []
    outboxEvents(db).subscribe((event) => seen.push(event))
    const row = await queue({ kind: 'setBlacklisted', contactId: 1, blacklisted: true })
    const exported = JSON.parse(await exportJson(db, new Date('2026-03-04T10:00:00Z')))
    expect(exported).toMatchObject({ exportedAt: '2026-03-04T10:00:00.000Z', intents: [{ kind: 'setBlacklisted', contactId: 1, blacklisted: true, seq: row.seq }] })
    await discard(db, row.seq)
    expect(seen).toEqual([{ type: 'changed' }, { type: 'changed' }])
  })
})
