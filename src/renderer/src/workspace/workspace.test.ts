import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import Dexie from 'dexie'
import { describe, expect, it, vi } from 'vitest'
import { mergeRows } from '../db/contacts-repo'
import { databaseName } from '../db/database'
import { InProcessWorker } from '../search/test-support/in-process-worker'
import { openWorkspace } from './workspace'

describe('workspace', () => {
  it('keeps the search index current with every committed contact write', async () => {
    const workspace = await openWorkspace(`ws-${randomUUID()}`, { worker: InProcessWorker.factory({ open: true }) })
    await workspace.search.ready
    let changes = 0
    workspace.search.onIndexChanged(() => changes++)
    await mergeRows(workspace.db, [{ id: 5, name: 'Zoë Brandt', type: 'whatsapp', blacklisted: false, tags: ['vip'] }])
    await vi.waitFor(() => expect(changes).toBe(1))
    const page = await workspace.search.query({ text: 'zoe', filters: {}, offset: 0, limit: 10 })
    expect(page.rows.map((row) => row.id)).toEqual([5])
    await workspace.db.contacts.delete(5)
    await vi.waitFor(() => expect(changes).toBe(2))
    expect((await workspace.search.query({ text: 'zoe', filters: {}, offset: 0, limit: 10 })).total).toBe(0)
    await workspace.close()
  })

  it('keeps the notes in the search index current with every committed note write', async () => {
    const workspace = await openWorkspace(`ws-${randomUUID()}`, { worker: InProcessWorker.factory({ open: true }) })
    await mergeRows(workspace.db, [{ id: 5, name: 'Zoë Brandt', type: 'whatsapp', blacklisted: false, tags: [] }])
    await workspace.search.ready
    const find = async (text: string) => (await workspace.search.query({ text, filters: {}, offset: 0, limit: 10 })).rows.map((row) => row.id)
    await workspace.db.notes.put({ id: 1, contactId: 5, content: 'Wants a quote for solar panels' })
    await vi.waitFor(async () => expect(await find('note:solar')).toEqual([5]))
    await workspace.db.notes.delete(1)
    await vi.waitFor(async () => expect(await find('note:solar')).toEqual([]))
    await workspace.close()
  })

  it('deletes the account database when closed for sign-out, and only then', async () => {
    const kept = `ws-${randomUUID()}`
    const first = await openWorkspace(kept, { worker: InProcessWorker.factory({ open: true }) })
    await first.close()
    expect(await Dexie.exists(databaseName(kept))).toBe(true)
    const gone = await openWorkspace(kept, { worker: InProcessWorker.factory({ open: true }) })
    await gone.close({ deleteData: true })
    expect(await Dexie.exists(databaseName(kept))).toBe(false)
  })
})
