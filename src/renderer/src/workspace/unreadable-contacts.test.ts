import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import type { Contact } from '../../../shared/contact'
import { fail, ok } from '../../../shared/result'
import { openAccountDatabase } from '../db/database'
import { SEALED } from '../db/sealing'
import { putRawRecord, rawRecords, testDataKey } from '../db/test-support/raw-records'
import { refetchUnreadableContacts } from './unreadable-contacts'

const server: Contact = {
  id: 4,
  name: 'Ines Duarte',
  phone: '+351912345678',
  email: 'ines@example.pt',
  type: 'whatsapp',
  blacklisted: false,
  tags: ['porto'],
  status: 'active',
  last_message_at: null,
  created_at: '2026-01-01T00:00:00.000000Z',
  updated_at: '2026-01-01T00:00:00.000000Z',
}

/** A sealed mirror holding `server`'s contact, whose stored record then has one byte flipped on disk. */
async function tamperedMirror() {
  const accountId = `tamper-${randomUUID()}`
  const db = await openAccountDatabase(accountId, { key: await testDataKey() })
  await db.contacts.put({ ...server, name: 'Ines Duarte', tags: ['porto'] })
  const [stored] = await rawRecords(accountId, 'contacts')
  const bytes = new Uint8Array(stored![SEALED] as Uint8Array)
  bytes[bytes.length - 1]! ^= 0x80
  await putRawRecord(accountId, 'contacts', { ...stored!, [SEALED]: bytes })
  return { db, accountId }
}

describe('an unreadable contact record', () => {
  it('is never shown, and is fetched again from SkyLight', async () => {
    const { db } = await tamperedMirror()
    const get = vi.fn(async () => ok(server))
    const stop = refetchUnreadableContacts(db, () => ({ 'contacts.get': get }))
    expect(await db.contacts.get(4)).toBeUndefined()
    await vi.waitFor(async () => expect(await db.contacts.get(4)).toEqual(server))
    expect(get).toHaveBeenCalledTimes(1)
    expect(get).toHaveBeenCalledWith({ id: 4 }, { priority: 'hydrate' })
    stop()
    db.close()
  })

  it('is removed when SkyLight no longer has the contact', async () => {
    const { db, accountId } = await tamperedMirror()
    const stop = refetchUnreadableContacts(db, () => ({ 'contacts.get': async () => fail({ kind: 'not_found', message: 'Contact not found.' }) }))
    await db.contacts.toArray()
    await vi.waitFor(async () => expect(await rawRecords(accountId, 'contacts')).toEqual([]))
    stop()
    db.close()
  })

  it('stays left out while offline, and is fetched by a later read', async () => {
    const { db } = await tamperedMirror()
    let online = false
    const get = vi.fn(async () => (online ? ok(server) : fail({ kind: 'offline' as const, message: 'offline' })))
    const stop = refetchUnreadableContacts(db, () => ({ 'contacts.get': get }))
    expect(await db.contacts.bulkGet([4])).toEqual([undefined])
    await vi.waitFor(() => expect(get).toHaveBeenCalledTimes(1))
    online = true
    await vi.waitFor(async () => {
      await db.contacts.toArray()
      expect(await db.contacts.get(4)).toEqual(server)
    })
    stop()
    db.close()
  })
})
