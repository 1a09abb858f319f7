import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import Dexie from 'dexie'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { databaseName } from '../db/database'
import { InProcessWorker } from '../search/test-support/in-process-worker'
import { useWorkspaceStore } from './workspace-store'

const options = { worker: InProcessWorker.factory({ open: true }) }

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
})
