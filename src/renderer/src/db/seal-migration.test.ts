import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { ContactRow } from '../../../shared/contact'
import { subscribeContactWrites } from './contact-writes'
import { isFullySealed, openAccountDatabase, WrongDataKeyError } from './database'
import { sealState } from './seal-check'
import { sealPlainRecords } from './seal-migration'
import { SEALED } from './sealing'
import { rawRecords, rawText, testDataKey } from './test-support/raw-records'

const row = (id: number): ContactRow => ({ id, name: `Plainname ${id}`, phone: `+1555${String(id).padStart(7, '0')}`, type: 'whatsapp', blacklisted: false, tags: ['fair'] })

/** A copy as the app wrote it before issue 15: in clear, with edits queued. */
async function plainCopy(contacts: number) {
  const accountId = `plain-${randomUUID()}`
  const db = await openAccountDatabase(accountId)
  await db.contacts.bulkPut(Array.from({ length: contacts }, (_, i) => row(i + 1)))
  await db.notes.put({ id: 9, contactId: 1, content: 'Plainnote about the fair', created_at: '2026-01-01T00:00:00.000000Z' })
  await db.outbox.bulkAdd([
    { contactId: 1, kind: 'update', fields: { name: 'Queuedname One' }, base: { name: 'Plainname 1' } },
    { contactId: 2, kind: 'addTags', tags: ['queuedtag'] },
  ] as never[])
  await db.meta.put({ key: 'lastSyncedAt', value: '2026-01-01T00:00:00.000Z' })
  const outbox = await db.outbox.toArray()
  db.close()
  return { accountId, outbox }
}

describe('sealing a copy written in clear', () => {
  it('seals every record of every table, keeping each queued edit as it was', async () => {
    const { accountId, outbox } = await plainCopy(30)
    const key = await testDataKey()
    const db = await openAccountDatabase(accountId, { key })
    expect(await sealState(db)).toBe('unsealed')
    // Readable while it migrates.
    expect(await db.contacts.get(3)).toEqual(row(3))
    await sealPlainRecords(db, 7)
    for (const table of ['contacts', 'notes', 'outbox', 'meta']) {
      for (const record of await rawRecords(accountId, table)) expect(record).toHaveProperty(SEALED)
      expect(await rawText(accountId, table)).not.toMatch(/Plainname|Plainnote|Queuedname|queuedtag|fair/)
    }
    expect(await db.outbox.toArray()).toEqual(outbox)
    expect(await db.contacts.count()).toBe(30)
    db.close()
    const again = await openAccountDatabase(accountId, { key })
    expect(await sealState(again)).toBe('sealed')
    expect(await again.contacts.get(30)).toEqual(row(30))
    again.close()
  })

  it('resumes after the last committed batch when it was stopped', async () => {
    const { accountId, outbox } = await plainCopy(20)
    const key = await testDataKey()
    const first = await openAccountDatabase(accountId, { key })
    // The window closes right after the first batch of contacts commits.
    subscribeContactWrites(first, () => first.close())
    await expect(sealPlainRecords(first, 5)).rejects.toThrow()
    const sealedBefore = (await rawRecords(accountId, 'contacts')).filter((record) => SEALED in record)
    expect(sealedBefore.map((record) => record.id)).toEqual([1, 2, 3, 4, 5])

    const second = await openAccountDatabase(accountId, { key })
    expect(await sealState(second)).toBe('unsealed')
    await sealPlainRecords(second, 5)
    const after = await rawRecords(accountId, 'contacts')
    expect(after.every((record) => SEALED in record)).toBe(true)
    // The first batch was not sealed again: the run went on after it.
    expect(after.slice(0, 5).map((record) => record[SEALED])).toEqual(sealedBefore.map((record) => record[SEALED]))
    expect(await second.outbox.toArray()).toEqual(outbox)
    expect(await sealState(second)).toBe('sealed')
    second.close()
  })
})

describe('opening a sealed copy', () => {
  it('refuses another key, counting the queued edits it cannot read', async () => {
    const { accountId } = await plainCopy(3)
    const db = await openAccountDatabase(accountId, { key: await testDataKey() })
    await sealPlainRecords(db)
    db.close()
    const opening = openAccountDatabase(accountId, { key: await testDataKey() })
    await expect(opening).rejects.toBeInstanceOf(WrongDataKeyError)
    await expect(opening).rejects.toMatchObject({ queuedEdits: 2 })
  })

  it('refuses to open it without a key, rather than mix clear records in', async () => {
    const { accountId } = await plainCopy(3)
    const db = await openAccountDatabase(accountId, { key: await testDataKey() })
    await sealPlainRecords(db)
    db.close()
    await expect(openAccountDatabase(accountId)).rejects.toThrow(/sealed/)
  })
})

describe('a new mirror', () => {
  it('is sealed from its first record: the check is there at once and no migration pass is due', async () => {
    const accountId = `new-${randomUUID()}`
    const key = await testDataKey()
    const db = await openAccountDatabase(accountId, { key })
    expect(isFullySealed(db)).toBe(true)
    expect(await sealState(db)).toBe('sealed')
    await db.contacts.put(row(1))
    expect((await rawRecords(accountId, 'contacts'))[0]).toHaveProperty(SEALED)
    db.close()
    const again = await openAccountDatabase(accountId, { key })
    expect(isFullySealed(again)).toBe(true)
    expect(await again.contacts.get(1)).toEqual(row(1))
    again.close()
  })

  it('counts as new only when empty: a copy in clear still waits for its migration', async () => {
    const { accountId } = await plainCopy(1)
    const db = await openAccountDatabase(accountId, { key: await testDataKey() })
    expect(isFullySealed(db)).toBe(false)
    expect(await sealState(db)).toBe('unsealed')
    db.close()
  })
})
