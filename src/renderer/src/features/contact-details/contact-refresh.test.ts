import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Contact } from '../../../../shared/contact'
import { mergeRows } from '../../db/contacts-repo'
import { openAccountDatabase, type ContactsDb } from '../../db/database'
import { fakeBridge, type CallLog } from '../../test-support/fake-bridge'
import { enqueue } from '../../sync/outbox'
import { refreshOpenedContact } from './contact-refresh'

const server: Contact = {
  id: 7,
  name: 'Amara Okafor',
  email: 'amara@example.com',
  phone: '+2348012345678',
  type: 'whatsapp',
  status: 'active',
  blacklisted: false,
  tags: ['lead', 'fair'],
  last_message_at: null,
  created_at: '2026-01-01T10:00:00.000000Z',
  updated_at: '2026-11-20T10:00:00.000000Z',
}

let db: ContactsDb
let log: CallLog
beforeEach(async () => {
  db = await openAccountDatabase(`refresh-${randomUUID()}`)
  log = []
})
afterEach(() => db.close())

describe('refreshing an opened contact', () => {
  it('fills in the fields a list row left out, keeping a queued local edit on top', async () => {
    await mergeRows(db, [{ id: 7, name: 'Amara Okafor' }])
    await enqueue(db, { kind: 'setBlacklisted', contactId: 7, blacklisted: true })
    const bridge = fakeBridge({ 'contacts.get': async () => ({ ok: true, data: server }) }, log)
    expect(await refreshOpenedContact(db, bridge, 7)).toEqual({ status: 'fresh' })
    expect(await db.contacts.get(7)).toMatchObject({ email: 'amara@example.com', tags: ['lead', 'fair'], blacklisted: true })
  })

  it('skips contacts that exist only here, and reports a failure without touching the mirror', async () => {
    const bridge = fakeBridge({ 'contacts.get': async () => ({ ok: false, error: { kind: 'offline', message: 'No network.' } }) }, log)
    expect(await refreshOpenedContact(db, bridge, -2)).toEqual({ status: 'skipped' })
    expect(log).toEqual([])
    await mergeRows(db, [{ id: 7, name: 'Amara Okafor' }])
    expect(await refreshOpenedContact(db, bridge, 7)).toMatchObject({ status: 'failed', error: { kind: 'offline' } })
    expect(await db.contacts.get(7)).toEqual({ id: 7, name: 'Amara Okafor' })
  })
})
