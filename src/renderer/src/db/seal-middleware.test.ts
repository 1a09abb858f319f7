import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { ContactRow } from '../../../shared/contact'
import { markFullySealed, openAccountDatabase, type ContactsDb } from './database'
import { subscribeUnreadable, type UnreadableRecord } from './seal-middleware'
import { SEALED } from './sealing'
import { SEAL_CHECK_KEY } from './seal-check'
import { deleteRawRecord, putRawRecord, rawRecords, rawText, testDataKey } from './test-support/raw-records'

const ann: ContactRow = { id: 1, name: 'Annika Lindqvist', phone: '+46701234567', type: 'whatsapp', blacklisted: false, tags: ['vip', 'stockholm'] }
const bo: ContactRow = { id: 2, name: 'Bo Ekström', phone: '+46707654321', type: 'telegram', blacklisted: true, tags: [], email: 'bo@example.se' }

async function sealed(): Promise<{ db: ContactsDb; accountId: string; key: CryptoKey; unreadable: UnreadableRecord[] }> {
  const accountId = `seal-${randomUUID()}`
  const key = await testDataKey()
  const db = await openAccountDatabase(accountId, { key })
  const unreadable: UnreadableRecord[] = []
  subscribeUnreadable(db, (record) => unreadable.push(record))
  return { db, accountId, key, unreadable }
}


describe('sealed mirror', () => {
  it('stores only ids and indexed keys in clear, and reads every record back as written', async () => {
    const { db, accountId } = await sealed()
    await db.contacts.bulkPut([ann, bo])
    await db.notes.put({ id: 7, contactId: 1, content: 'Prefers calls after lunch', created_at: '2026-01-02T10:00:00.000000Z' })
    const seq = await db.outbox.add({ contactId: 2, kind: 'update', fields: { name: 'Bo Ek' } } as never)
    await db.meta.put({ key: 'snapshot', value: { chunks: 1, count: 2 } })

    const contacts = await rawRecords(accountId, 'contacts')
    expect(contacts.map((record) => Object.keys(record).sort())).toEqual([[SEALED, 'id'], [SEALED, 'id']])
    for (const table of ['contacts', 'notes', 'outbox', 'meta']) {
      const stored = await rawText(accountId, table)
      for (const secret of ['Annika', '+46701234567', 'vip', 'bo@example', 'lunch', 'Bo Ek', 'chunks']) expect(stored).not.toContain(secret)
    }
    expect((await rawRecords(accountId, 'outbox'))[0]).toMatchObject({ seq, contactId: 2 })

    expect(await db.contacts.get(1)).toEqual(ann)
    expect(await db.contacts.bulkGet([2, 3, 1])).toEqual([bo, undefined, ann])
    expect(await db.contacts.toArray()).toEqual([ann, bo])
    expect(await db.notes.where('contactId').equals(1).toArray()).toEqual([expect.objectContaining({ content: 'Prefers calls after lunch' })])
    expect(await db.outbox.get(seq)).toEqual({ seq, contactId: 2, kind: 'update', fields: { name: 'Bo Ek' } })
    expect((await db.meta.get('snapshot'))?.value).toEqual({ chunks: 1, count: 2 })
    db.close()
  })

  it('gives every record a fresh IV: the same row sealed twice never looks the same', async () => {
    const { db, accountId } = await sealed()
    await db.contacts.put(ann)
    const first = (await rawRecords(accountId, 'contacts'))[0]![SEALED] as Uint8Array
    await db.contacts.put(ann)
    const second = (await rawRecords(accountId, 'contacts'))[0]![SEALED] as Uint8Array
    expect(Buffer.from(first.subarray(0, 12)).equals(Buffer.from(second.subarray(0, 12)))).toBe(false)
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(false)
    db.close()
  })

  it('reads and writes inside one transaction, across WebCrypto, without it committing early', async () => {
    const { db } = await sealed()
    await db.contacts.bulkPut([ann, bo])
    const result = await db.transaction('rw', db.contacts, db.outbox, db.meta, async () => {
      const rows = await db.contacts.bulkGet([1, 2])
      await db.contacts.bulkPut(rows.map((row) => ({ ...row!, tags: [...row!.tags!, 'met'] })))
      const seq = await db.outbox.add({ contactId: 1, kind: 'addTags', tags: ['met'] } as never)
      await db.meta.put({ key: 'last', value: seq })
      const again = await db.contacts.get(1)
      await db.outbox.where('contactId').equals(1).modify({ contactId: -5 })
      return { again, seq }
    })
    expect(result.again?.tags).toEqual(['vip', 'stockholm', 'met'])
    expect(await db.outbox.get(result.seq)).toMatchObject({ contactId: -5, tags: ['met'] })
    expect((await db.meta.get('last'))?.value).toBe(result.seq)
    db.close()
  })

  it('rolls the whole transaction back when it fails after sealing', async () => {
    const { db } = await sealed()
    await db.contacts.put(ann)
    await expect(
      db.transaction('rw', db.contacts, db.meta, async () => {
        await db.contacts.put({ ...ann, name: 'Changed' })
        await db.meta.put({ key: 'x', value: 1 })
        throw new Error('stop')
      }),
    ).rejects.toThrow('stop')
    expect(await db.contacts.get(1)).toEqual(ann)
    expect(await db.meta.get('x')).toBeUndefined()
    db.close()
  })

  it('walks records with a cursor (each), opening each one', async () => {
    const { db } = await sealed()
    await db.outbox.bulkAdd([{ contactId: 1, n: 1 }, { contactId: 2, n: 2 }, { contactId: 1, n: 3 }] as never[])
    const seen: unknown[] = []
    await db.outbox.each((row) => seen.push((row as unknown as { n: number }).n))
    expect(seen).toEqual([1, 2, 3])
    const filtered = await db.outbox.filter((row) => row.contactId === 1).toArray()
    expect(filtered.map((row) => (row as unknown as { n: number }).n)).toEqual([1, 3])
    db.close()
  })

  it('detects a flipped byte: the record is reported and left out, never shown altered', async () => {
    const { db, accountId, unreadable } = await sealed()
    await db.contacts.bulkPut([ann, bo])
    const [stored] = await rawRecords(accountId, 'contacts')
    const bytes = new Uint8Array(stored![SEALED] as Uint8Array)
    bytes[20]! ^= 0x01
    await putRawRecord(accountId, 'contacts', { ...stored!, [SEALED]: bytes })

    expect(await db.contacts.get(1)).toBeUndefined()
    expect(await db.contacts.toArray()).toEqual([bo])
    expect(await db.contacts.bulkGet([1, 2])).toEqual([undefined, bo])
    expect(unreadable).toEqual([
      { table: 'contacts', key: 1 },
      { table: 'contacts', key: 1 },
      { table: 'contacts', key: 1 },
    ])
    db.close()
  })

  it('detects a payload moved to another record (its id is bound into the seal)', async () => {
    const { db, accountId, unreadable } = await sealed()
    await db.contacts.bulkPut([ann, bo])
    const [first, second] = await rawRecords(accountId, 'contacts')
    await putRawRecord(accountId, 'contacts', { id: 2, [SEALED]: first![SEALED] })
    expect(await db.contacts.get(2)).toBeUndefined()
    expect(unreadable).toEqual([{ table: 'contacts', key: 2 }])
    // An outbox intent re-pointed at another contact in clear is caught the same way.
    await db.outbox.add({ contactId: 1, kind: 'delete' } as never)
    const [intent] = await rawRecords(accountId, 'outbox')
    await putRawRecord(accountId, 'outbox', { ...intent!, contactId: 2 })
    expect(await db.outbox.toArray()).toEqual([])
    expect(second).toBeDefined()
    db.close()
  })

  it('opens nothing under another key, record by record', async () => {
    const { db, accountId } = await sealed()
    await db.contacts.put(ann)
    db.close()
    // Without its check record the mirror opens under another key (database.ts refuses it otherwise): each record must still refuse.
    await deleteRawRecord(accountId, 'meta', SEAL_CHECK_KEY)
    const other = await openAccountDatabase(accountId, { key: await testDataKey() })
    const unreadable: UnreadableRecord[] = []
    subscribeUnreadable(other, (record) => unreadable.push(record))
    expect(await other.contacts.toArray()).toEqual([])
    expect(unreadable).toEqual([{ table: 'contacts', key: 1 }])
    other.close()
  })

  it('reads records stored in clear until the copy is fully sealed, then reports them', async () => {
    const accountId = `seal-${randomUUID()}`
    const plain = await openAccountDatabase(accountId, { key: null })
    await plain.contacts.put(ann)
    plain.close()
    const db = await openAccountDatabase(accountId, { key: await testDataKey() })
    const unreadable: UnreadableRecord[] = []
    subscribeUnreadable(db, (record) => unreadable.push(record))
    expect(await db.contacts.get(1)).toEqual(ann)
    markFullySealed(db)
    expect(await db.contacts.get(1)).toBeUndefined()
    expect(unreadable).toEqual([{ table: 'contacts', key: 1 }])
    db.close()
  })
})
