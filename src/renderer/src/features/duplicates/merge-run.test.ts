import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ContactRow } from '../../../../shared/contact'
import { fail, ok } from '../../../../shared/result'
import { setBridge } from '../../bridge'
import { mergeRows } from '../../db/contacts-repo'
import { openAccountDatabase, type ContactsDb } from '../../db/database'
import { queuedIntents } from '../../sync/outbox'
import { markSent } from '../../sync/outbox/test-support/queue-states'
import { fakeBridge } from '../../test-support/fake-bridge'
import { undoStep } from '../bulk'
import { mergeGroup } from './merge-run'
import { defaultMergeChoice } from '../../contact-match/merge-plan'
import { setAppLocale } from '../../i18n'

const grace: ContactRow = { id: 1, name: 'Grace Hopper', phone: '+14155550123', email: null, type: 'whatsapp', status: 'active', blacklisted: false, tags: ['navy'] }
const hopper: ContactRow = { id: 2, name: 'Hopper Grace', phone: '+447700550123', email: 'grace@navy.mil', type: 'telegram', status: 'active', blacklisted: true, tags: ['cobol'] }

let db: ContactsDb
let serverUp: boolean
beforeEach(async () => {
  db = await openAccountDatabase(`merge-${randomUUID()}`)
  await mergeRows(db, [grace, hopper])
  serverUp = true
  setBridge(
    fakeBridge({
      'notes.list': async ({ id }) =>
        serverUp ? ok(id === 2 ? [{ id: 20, content: 'Wrote COBOL', created_at: '2026-01-02T00:00:00.000000Z' }] : []) : fail({ kind: 'offline', message: 'Offline.' }),
    }),
  )
})
afterEach(() => {
  setBridge(null)
  db.close()
})

/** Grace (1) kept, with Hopper's phone: the update waits for Hopper's delete. */
const choice = () => ({ ...defaultMergeChoice([grace, hopper], 1), keep: { ...defaultMergeChoice([grace, hopper], 1).keep, phone: 2 } })

describe('merging a group through the outbox', () => {
  it('queues blacklist, tags, the server\'s notes and the delete, then the update that waits for it', async () => {
    await db.notes.put({ id: -5, contactId: 2, content: 'Queued here', created_at: '2026-02-01T00:00:00.000000Z' })
    const done = await mergeGroup(db, [1, 2], choice())
    if (!done.ok) throw new Error(done.error.message)
    expect(done.data).toMatchObject({ merged: 2, notesUnread: 0 })
    expect(done.data.label()).toBe('Merged 2 contacts into Grace Hopper')
    // Worded when shown: the language of that moment, its plural.
    setAppLocale('ru')
    expect(done.data.label()).toBe('2 контакта объединены в Grace Hopper')
    setAppLocale('en')
    expect((await queuedIntents(db, null)).map(({ kind, contactId, ...rest }) => ({ kind, contactId, ...('after' in rest ? { after: rest.after } : {}) }))).toEqual([
      { kind: 'setBlacklisted', contactId: 1 },
      { kind: 'tags', contactId: 1 },
      { kind: 'addNote', contactId: 1 },
      { kind: 'addNote', contactId: 1 },
      { kind: 'delete', contactId: 2 },
      { kind: 'update', contactId: 1, after: [2] },
    ])
    expect(await db.contacts.get(2)).toBeUndefined()
    expect(await db.contacts.get(1)).toMatchObject({ phone: '+447700550123', email: 'grace@navy.mil', blacklisted: true, tags: ['navy', 'cobol'] })
    expect((await db.notes.where('contactId').equals(1).toArray()).map((note) => note.content).sort()).toEqual(['Queued here', 'Wrote COBOL'])
  })

  it('copies the notes kept here when SkyLight cannot be asked, and says so', async () => {
    serverUp = false
    await db.notes.put({ id: 21, contactId: 2, content: 'Kept from last time', created_at: '2026-01-01T00:00:00.000000Z' })
    const done = await mergeGroup(db, [1, 2], choice())
    expect(done).toMatchObject({ ok: true, data: { notesUnread: 1 } })
    expect((await db.notes.where('contactId').equals(1).toArray()).map((note) => note.content)).toEqual(['Kept from last time'])
  })

  it('refuses a group a contact left since the scan', async () => {
    await db.contacts.delete(2)
    expect(await mergeGroup(db, [1, 2], choice())).toMatchObject({ ok: false, error: { kind: 'not_found' } })
  })

  it('is undone before it synced: both contacts back as they were, nothing left to send', async () => {
    const done = await mergeGroup(db, [1, 2], choice())
    if (!done.ok) throw new Error(done.error.message)
    await undoStep(db, done.data.step)
    expect(await queuedIntents(db, null)).toEqual([])
    expect(await db.contacts.get(1)).toEqual(grace)
    expect(await db.contacts.get(2)).toEqual(hopper)
    expect(await db.notes.where('contactId').equals(1).count()).toBe(0)
  })

  it('is undone after it synced as far as the API allows: the survivor gives the phone back before the other is created again', async () => {
    const done = await mergeGroup(db, [1, 2], choice())
    if (!done.ok) throw new Error(done.error.message)
    await markSent(db)
    const undone = await undoStep(db, done.data.step)
    if (!undone.ok) throw new Error(undone.error.message)
    // The copied note stays on the survivor: the API cannot delete notes.
    expect(undone.data).toMatchObject({ dropped: 0, impossible: 1, recreated: [{ from: 2, to: expect.any(Number) }] })
    const to = undone.data.recreated[0]!.to
    const fresh = (await queuedIntents(db, null)).filter((row) => row.sentAt === undefined)
    expect(fresh.map((row) => row.kind)).toEqual(['update', 'tags', 'setBlacklisted', 'create', 'setBlacklisted', 'addNote'])
    expect(fresh[0]).toMatchObject({ contactId: 1, changes: { phone: '+14155550123', email: null } })
    expect(fresh[3]).toMatchObject({ contactId: to, after: [1], fields: { name: 'Hopper Grace', phone: '+447700550123', email: 'grace@navy.mil', tags: ['cobol'] } })
    expect(fresh[5]).toMatchObject({ contactId: to, content: 'Wrote COBOL' })
  })
})
