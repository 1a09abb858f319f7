import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import Dexie from 'dexie'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ok } from '../../../shared/result'
import { databaseName, openAccountDatabase } from '../db/database'
import { mirrorKey } from '../db/mirror-keys'
import { SEALED } from '../db/sealing'
import { rawRecords } from '../db/test-support/raw-records'
import { InProcessWorker } from '../search/test-support/in-process-worker'
import type { GrantDataKey } from './data-key'
import { useWorkspaceStore } from './workspace-store'

/** Main's answer: this account's key (base64), or none (an unsealed copy). */
const grant = (key: string | null, sessionOnly = false): GrantDataKey => async (accountId) => ok({ accountId, key, sessionOnly })
const randomKey = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64')
const options = { worker: InProcessWorker.factory({ open: true }), grantKey: grant(null) }

beforeEach(() => setActivePinia(createPinia()))

describe('workspace store', () => {
  it('opens one account at a time, however fast the account changes', async () => {
    const store = useWorkspaceStore()
    const [a, b] = [`a-${randomUUID()}`, `b-${randomUUID()}`]
    void store.open(a, options)
    await store.open(b, options)
    expect(store.current?.accountId).toBe(b)
    await store.open(b, options)
    expect(store.current?.accountId).toBe(b)
    await store.open(null)
    expect(store.current).toBeNull()
  })

  it('deletes the account mirror on sign-out, keeps it on a plain close', async () => {
    const store = useWorkspaceStore()
    const account = `c-${randomUUID()}`
    await store.open(account, options)
    await store.open(null)
    expect(await Dexie.exists(databaseName(account))).toBe(true)
    await store.open(account, options)
    await store.forget(account)
    expect(store.current).toBeNull()
    expect(await Dexie.exists(databaseName(account))).toBe(false)
  })

  it('deletes the mirror even when the sign-out closed the workspace first', async () => {
    const store = useWorkspaceStore()
    const account = `d-${randomUUID()}`
    await store.open(account, options)
    void store.open(null)
    await store.forget(account)
    expect(await Dexie.exists(databaseName(account))).toBe(false)
  })

  it('opens the mirror sealed with the key main grants, and drops the key on sign-out', async () => {
    const store = useWorkspaceStore()
    const account = `e-${randomUUID()}`
    await store.open(account, { ...options, grantKey: grant(randomKey()) })
    const db = store.current!.db
    await db.contacts.put({ id: 1, name: 'Sealed Name' })
    expect((await rawRecords(account, 'contacts'))[0]).toHaveProperty(SEALED)
    expect(mirrorKey(account)).toBeInstanceOf(CryptoKey)
    await store.forget(account)
    expect(mirrorKey(account)).toBeUndefined()
  })

  it('refuses a key granted for another account', async () => {
    const store = useWorkspaceStore()
    await store.open(`f-${randomUUID()}`, { ...options, grantKey: async () => ok({ accountId: 'other', key: randomKey(), sessionOnly: false }) })
    expect(store.current).toBeNull()
    expect(store.error).toMatch(/another account/)
  })

  it('says so, discards the copy and opens it empty when the key is lost, counting the queued edits lost with it', async () => {
    const store = useWorkspaceStore()
    const account = `g-${randomUUID()}`
    await store.open(account, { ...options, grantKey: grant(randomKey()) })
    await store.current!.db.contacts.put({ id: 1, name: 'Before the reset' })
    await store.current!.db.outbox.bulkAdd([{ contactId: 1 }, { contactId: 1 }, { contactId: 2 }])
    await vi.waitFor(async () => expect((await rawRecords(account, 'meta')).some((record) => record.key === 'seal-check')).toBe(true))
    await store.open(null)
    // The keychain was reset: main makes a new key.
    await store.open(account, { ...options, grantKey: grant(randomKey()) })
    expect(store.sealNotice).toEqual({ kind: 'discarded', queuedEdits: 3 })
    expect(store.sealNoticeText).toMatch(/3 edits waiting to sync could not be read and are lost/)
    expect(await store.current!.db.contacts.count()).toBe(0)
    expect(await store.current!.db.outbox.count()).toBe(0)
    store.dismissSealNotice()
    expect(store.sealNoticeText).toBeNull()
  })

  it('seals a copy written in clear in the background, keeping its queued edits', async () => {
    const account = `h-${randomUUID()}`
    const plain = await openAccountDatabase(account)
    await plain.contacts.put({ id: 1, name: 'Written in clear' })
    await plain.outbox.add({ contactId: 1, kind: 'delete' } as never)
    plain.close()
    const store = useWorkspaceStore()
    await store.open(account, { ...options, grantKey: grant(randomKey()) })
    await vi.waitFor(async () => expect((await rawRecords(account, 'meta')).some((record) => record.key === 'seal-check')).toBe(true))
    for (const table of ['contacts', 'outbox']) for (const record of await rawRecords(account, table)) expect(record).toHaveProperty(SEALED)
    expect(await store.current!.db.outbox.toArray()).toEqual([{ seq: 1, contactId: 1, kind: 'delete' }])
    expect(store.sealNotice).toBeNull()
    await store.open(null)
  })

  it('says nothing of a copy left from an earlier session when there is no keychain, unless edits were lost with it', async () => {
    const store = useWorkspaceStore()
    const account = `i-${randomUUID()}`
    await store.open(account, { ...options, grantKey: grant(randomKey(), true) })
    await store.current!.db.contacts.put({ id: 1, name: 'Last session' })
    await vi.waitFor(async () => expect((await rawRecords(account, 'meta')).some((record) => record.key === 'seal-check')).toBe(true))
    await store.open(null)
    await store.open(account, { ...options, grantKey: grant(randomKey(), true) })
    expect(store.current!.discarded).toEqual({ queuedEdits: 0 })
    expect(store.sealNotice).toBeNull()
    await store.current!.db.outbox.add({ contactId: 1 })
    await store.open(null)
    await store.open(account, { ...options, grantKey: grant(randomKey(), true) })
    expect(store.sealNotice).toEqual({ kind: 'discarded', queuedEdits: 1 })
    await store.open(null)
  })
})
