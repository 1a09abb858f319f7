import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Note } from '../../../../shared/contact'
import { setBridge } from '../../bridge'
import { openAccountDatabase, type ContactsDb } from '../../db/database'
import { fakeBridge, type CallLog } from '../../test-support/fake-bridge'
import { listQueue } from '../../sync/outbox'
import { findAddedNote, knownNoteIds, outboxStore } from '../../sync/outbox/test-support/queue-states'
import { addNote, readNotes, refreshNotes } from './notes-source'

let db: ContactsDb
let serverNotes: Note[]
let online: boolean
let calls: CallLog

const bridge = () =>
  fakeBridge(
    {
      'notes.list': async () => (online ? { ok: true, data: serverNotes } : { ok: false, error: { kind: 'offline', message: 'SkyLight cannot be reached.' } }),
    },
    calls,
  )

beforeEach(async () => {
  db = await openAccountDatabase(`notes-${randomUUID()}`)
  await db.contacts.put({ id: 4, name: 'Ada', type: 'instagram', tags: [] })
  serverNotes = [
    { id: 10, content: 'Met at the fair', created_at: '2024-03-01T10:00:00.000000Z' },
    { id: 11, content: 'Wants the Pro plan', created_at: '2024-03-02T10:00:00.000000Z' },
  ]
  online = true
  calls = []
  setBridge(bridge())
})
afterEach(() => {
  setBridge(null)
  db.close()
})

describe("a contact's notes", () => {
  it('come from the server when online and stay readable offline', async () => {
    expect(await refreshNotes(db, 4)).toEqual({ status: 'fresh' })
    online = false
    expect(await refreshNotes(db, 4)).toEqual({ status: 'failed', error: { kind: 'offline', message: 'SkyLight cannot be reached.' } })
    expect(await readNotes(db, 4)).toEqual([
      { id: 11, content: 'Wants the Pro plan', createdAt: '2024-03-02T10:00:00.000000Z', sync: 'synced' },
      { id: 10, content: 'Met at the fair', createdAt: '2024-03-01T10:00:00.000000Z', sync: 'synced' },
    ])
  })

  it('show a note added offline at once, first, marked not synced yet', async () => {
    await refreshNotes(db, 4)
    online = false
    expect(await addNote(db, 4, '  Called back  ')).toMatchObject({ ok: true })
    expect(await addNote(db, 4, 'And again')).toMatchObject({ ok: true })
    const notes = await readNotes(db, 4)
    expect(notes.map((note) => [note.content, note.sync])).toEqual([
      ['And again', 'queued'],
      ['Called back', 'queued'],
      ['Wants the Pro plan', 'synced'],
      ['Met at the fair', 'synced'],
    ])
    expect(await listQueue(db)).toMatchObject([{ kind: 'addNote', content: 'Called back' }, { kind: 'addNote', content: 'And again' }])
  })

  it('say why a queued note was not sent', async () => {
    await addNote(db, 4, 'x'.repeat(10))
    const [row] = await listQueue(db)
    await outboxStore(db).put({ ...row, status: 'invalid', lastError: { kind: 'validation', message: 'The content is too long.', fields: {} } })
    expect(await readNotes(db, 4)).toMatchObject([{ sync: 'stuck', problem: 'The content is too long.' }])
  })

  it('refuse an empty note with a clear sentence', async () => {
    expect(await addNote(db, 4, '   ')).toMatchObject({ ok: false, error: { kind: 'validation', fields: { content: ['A note cannot be empty.'] } } })
  })

  it('are not asked of the server for a contact created offline', async () => {
    expect(await refreshNotes(db, -2)).toEqual({ status: 'skipped' })
    expect(calls).toEqual([])
  })

  it('are not kept for a contact deleted while the list was on its way', async () => {
    await db.contacts.delete(4)
    await refreshNotes(db, 4)
    expect(await db.notes.count()).toBe(0)
  })

  it('leave out a server note that may be a sent note whose answer was lost, so it is never sent twice', async () => {
    await addNote(db, 4, 'Signed the contract')
    const [row] = await listQueue(db)
    const sentAt = new Date().toISOString()
    await outboxStore(db).put({ ...row, sentAt })
    serverNotes = [...serverNotes, { id: 12, content: 'Signed the contract', created_at: sentAt }]
    await refreshNotes(db, 4)
    expect((await readNotes(db, 4)).map((note) => [note.content, note.sync])).toEqual([
      ['Signed the contract', 'queued'],
      ['Wants the Pro plan', 'synced'],
      ['Met at the fair', 'synced'],
    ])
    // The replayer's look-up for the lost answer still finds the server's copy.
    const found = await findAddedNote(bridge(), 4, 'Signed the contract', sentAt, await knownNoteIds(db, 4))
    expect(found).toEqual({ ok: true, data: serverNotes[2] })
  })
})
