import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ContactRow } from '../../../shared/contact'
import { mergeRows } from '../db/contacts-repo'
import { openAccountDatabase, type ContactsDb } from '../db/database'
import { createSearchClient, type SearchClient } from './search-client'
import { InProcessWorker } from './test-support/in-process-worker'

const rows: ContactRow[] = [
  { id: 1, name: 'Zed Zulu', type: 'whatsapp', blacklisted: false, tags: [] },
  { id: 2, name: 'Amy Adams', type: 'telegram', blacklisted: false, tags: ['vip'] },
  { id: 3, name: 'Bob Brown', type: 'whatsapp', blacklisted: true, tags: [] },
  { id: 4, name: 'Amos Burton', type: 'instagram', blacklisted: false, tags: [] },
]

let accountId: string
let db: ContactsDb
let worker: InProcessWorker
let client: SearchClient
beforeEach(async () => {
  accountId = `search-client-${randomUUID()}`
  db = await openAccountDatabase(accountId)
  await mergeRows(db, rows)
  worker = new InProcessWorker()
  client = createSearchClient(accountId, { worker: () => worker as unknown as Worker, db })
})
afterEach(() => {
  client.close()
  db.close()
})

const names = (page: { rows: ContactRow[] }) => page.rows.map((row) => row.name)

describe('search client', () => {
  it('serves the first rows by name from the mirror until the index is ready', async () => {
    const first = await client.query({ text: '', filters: {}, offset: 0, limit: 2 })
    expect(first).toMatchObject({ ready: false, total: 4 })
    expect(names(first)).toEqual(['Amos Burton', 'Amy Adams'])
    const filtered = await client.query({ text: 'am', filters: { type: 'telegram' }, offset: 0, limit: 10 })
    expect(filtered).toMatchObject({ ready: false, total: 1 })
    expect(names(filtered)).toEqual(['Amy Adams'])
  })

  it('answers from the worker once ready, and marks the moment for the benchmark', async () => {
    worker.release()
    await client.ready
    expect(performance.getEntriesByName('skylight:search-ready', 'mark').length).toBeGreaterThan(0)
    const page = await client.query({ text: 'bur', filters: {}, offset: 0, limit: 10 })
    expect(page).toMatchObject({ ready: true, total: 1 })
    expect(names(page)).toEqual(['Amos Burton'])
    expect(await client.allIds('', { blacklisted: false })).toEqual([4, 2, 1])
  })

  it('forwards touched ids to the index, even before it is ready, and says when it changed', async () => {
    let told = 0
    client.onIndexChanged(() => told++)
    await db.contacts.update(1, { name: 'Zed Ambrose' })
    client.touched([1])
    worker.release()
    await client.ready
    await db.contacts.delete(2)
    client.touched([2])
    await vi.waitFor(() => expect(told).toBe(2))
    expect(names(await client.query({ text: 'am', filters: {}, offset: 0, limit: 10 }))).toEqual(['Amos Burton', 'Zed Ambrose'])
  })

  it('saves the snapshot through the worker', async () => {
    worker.release()
    expect(await client.saveSnapshot()).toBe(4)
    expect(await db.meta.get('snapshot')).toMatchObject({ value: { count: 4, chunks: 1 } })
  })

  it('rejects waiting and later calls once closed, and stops the worker', async () => {
    const ids = client.allIds('a', {})
    client.close()
    await expect(client.ready).rejects.toThrow('closed')
    await expect(ids).rejects.toThrow('closed')
    expect(worker.terminated).toBe(true)
  })

  it('rejects ready when the worker fails, while cursor rows keep coming', async () => {
    worker.onerror?.({ message: 'boom' })
    await expect(client.ready).rejects.toThrow('boom')
    expect((await client.query({ text: '', filters: {}, offset: 0, limit: 1 })).ready).toBe(false)
  })
})
