import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { databaseName, deleteAccountDatabase, openAccountDatabase } from './database'

describe('account databases', () => {
  it('names the database after the account', () => {
    expect(databaseName('demo')).toBe('skylight-contacts-demo')
  })

  it('keeps each account apart', async () => {
    const a = await openAccountDatabase(`a-${randomUUID()}`)
    const b = await openAccountDatabase(`b-${randomUUID()}`)
    await a.contacts.put({ id: 1, name: 'Only in A' })
    expect(await b.contacts.count()).toBe(0)
    a.close()
    b.close()
  })

  it('declares the five tables with their keys and few indexes', async () => {
    const db = await openAccountDatabase(`schema-${randomUUID()}`)
    const shape = Object.fromEntries(
      db.tables.map((table) => [table.name, [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src)]]),
    )
    expect(shape).toEqual({
      contacts: ['id'],
      outbox: ['++seq', 'contactId'],
      notes: ['id', 'contactId'],
      meta: ['key'],
      freshness: ['id'],
    })
    db.close()
  })

  it('upgrades a version 1 mirror to the current version (3: freshness added, the name index gone), keeping its rows', async () => {
    const account = `upgrade-${randomUUID()}`
    const old = new Dexie(databaseName(account))
    old.version(1).stores({ contacts: 'id, name', outbox: '++seq, contactId', notes: 'id, contactId', meta: 'key' })
    await old.open()
    await old.table('contacts').put({ id: 1, name: 'Kept' })
    old.close()
    const db = await openAccountDatabase(account)
    expect(db.verno).toBe(3)
    expect(await db.contacts.get(1)).toEqual({ id: 1, name: 'Kept' })
    expect(await db.freshness.count()).toBe(0)
    db.close()
  })

  it('deletes an account database and its data', async () => {
    const account = `gone-${randomUUID()}`
    const db = await openAccountDatabase(account)
    await db.contacts.put({ id: 1, name: 'Someone' })
    db.close()
    await deleteAccountDatabase(account)
    const reopened = await openAccountDatabase(account)
    expect(await reopened.contacts.count()).toBe(0)
    reopened.close()
  })

  it('uses an injected IndexedDB instead of the global one', async () => {
    const account = `injected-${randomUUID()}`
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange }
    const db = await openAccountDatabase(account, deps)
    await db.contacts.put({ id: 5 })
    db.close()
    const names = (await deps.indexedDB.databases()).map((info) => info.name)
    expect(names).toContain(databaseName(account))
    expect((await indexedDB.databases()).map((info) => info.name)).not.toContain(databaseName(account))
    await deleteAccountDatabase(account, deps)
    expect((await deps.indexedDB.databases()).map((info) => info.name)).not.toContain(databaseName(account))
  })
})
