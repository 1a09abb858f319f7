import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Contact, ContactQuery, ContactRow } from '../../../../shared/contact'
import type { Result } from '../../../../shared/result'
import type { DataOf } from '../../../../shared/contract'
import { openAccountDatabase, type ContactsDb } from '../../db/database'
import { EMAIL_LOOKUP_LIMIT } from './email-lookup'
import { enqueue } from '../outbox'
import { searchRemotely, type RemoteSearchBridge } from './remote-search'
import { recordSyncedAt } from '../pull/last-synced'
import { aContact } from '../../../../shared/test-support/contact-fixture'

let db: ContactsDb
beforeEach(async () => {
  db = await openAccountDatabase(`search-${randomUUID()}`)
})
afterEach(() => db.close())

const full = (id: number, name: string, email: string | null): Contact => aContact({ id, name, email })

function fakeBridge(answer: (query: ContactQuery) => Result<DataOf<'contacts.list'>>, server: Contact[] = []) {
  const queries: ContactQuery[] = []
  const reads: number[] = []
  const bridge: RemoteSearchBridge = {
    'contacts.list': async (query) => {
      queries.push(query)
      return answer(query)
    },
    'contacts.get': async ({ id }) => {
      reads.push(id)
      const found = server.find((contact) => contact.id === id)
      return found ? { ok: true, data: found } : { ok: false, error: { kind: 'not_found', message: 'Contact not found.' } }
    },
  }
  return { bridge, queries, reads }
}

const page = (data: ContactRow[]): Result<DataOf<'contacts.list'>> => ({
  ok: true,
  data: { data, meta: { current_page: 1, last_page: 1, per_page: 50, total: data.length } },
})

describe('searchRemotely', () => {
  it('asks the API while the first pull is incomplete and merges the matches without erasing known fields', async () => {
    await db.contacts.put({ id: 4, name: 'Ann', email: 'ann@example.com' })
    const { bridge, queries, reads } = fakeBridge(() => page([{ id: 4, name: 'Ann B.' }, { id: 8, name: 'Annika' }]))
    const outcome = await searchRemotely(db, bridge, '  ann ')
    expect(queries).toEqual([{ search: 'ann', page: 1, per_page: 50 }])
    expect(outcome).toEqual({
      status: 'merged',
      rows: [{ id: 4, name: 'Ann B.', email: 'ann@example.com' }, { id: 8, name: 'Annika' }],
    })
    expect(await db.contacts.get(8)).toEqual({ id: 8, name: 'Annika' })
    // Not an email query: list rows are enough.
    expect(reads).toEqual([])
  })

  it('never undoes a queued edit: a queued rename stays, a contact whose delete is queued stays gone', async () => {
    await db.contacts.bulkPut([
      { id: 4, name: 'Ann', type: 'instagram' },
      { id: 5, name: 'Annabel', type: 'instagram' },
    ])
    await enqueue(db, { kind: 'update', contactId: 4, changes: { name: 'Ann Local' } })
    await enqueue(db, { kind: 'delete', contactId: 5 })
    const { bridge } = fakeBridge(() => page([{ id: 4, name: 'Ann', type: 'instagram' }, { id: 5, name: 'Annabel', type: 'instagram' }]))
    const outcome = await searchRemotely(db, bridge, 'ann')
    expect(outcome).toEqual({ status: 'merged', rows: [{ id: 4, name: 'Ann Local', type: 'instagram' }] })
    expect(await db.contacts.get(4)).toMatchObject({ name: 'Ann Local' })
    expect(await db.contacts.get(5)).toBeUndefined()
  })

  it('after the first pull, asks only for a query aimed at an email, and reads the unknown emails of its hits', async () => {
    await recordSyncedAt(db, new Date())
    await db.contacts.bulkPut([
      { id: 1, name: 'Bob', email: 'bob@acme.com' },
      { id: 2, name: 'Cleo' },
      { id: 3, name: 'Dana' },
    ])
    await enqueue(db, { kind: 'update', contactId: 3, changes: { name: 'Dana Local' } })
    const server = [full(2, 'Cleo', 'cleo@acme.com'), full(3, 'Dana', 'dana@acme.com')]
    const { bridge, queries, reads } = fakeBridge(() => page([{ id: 1, name: 'Bob' }, { id: 2, name: 'Cleo' }, { id: 3, name: 'Dana' }]), server)
    expect(await searchRemotely(db, bridge, 'cleo')).toEqual({ status: 'skipped' })
    expect(queries).toEqual([])
    expect(await searchRemotely(db, bridge, 'acme.com')).toMatchObject({ status: 'merged' })
    expect(queries).toEqual([{ search: 'acme.com', page: 1, per_page: 50 }])
    // Bob's email was known already; the others are read in full, queued edits kept on top.
    expect(reads).toEqual([2, 3])
    expect(await db.contacts.get(2)).toEqual(server[0])
    expect(await db.contacts.get(3)).toMatchObject({ name: 'Dana Local', email: 'dana@acme.com' })
  })

  it('reads at most a screenful of unknown emails per search', async () => {
    const hits = Array.from({ length: 30 }, (_, i) => ({ id: i + 1, name: `Hit ${i}` }))
    const { bridge, reads } = fakeBridge(() => page(hits), hits.map((hit) => full(hit.id, hit.name, `hit${hit.id}@acme.com`)))
    await searchRemotely(db, bridge, '@acme')
    expect(reads).toHaveLength(EMAIL_LOOKUP_LIMIT)
  })

  it('does not ask for a blank query', async () => {
    const { bridge, queries } = fakeBridge(() => page([]))
    expect(await searchRemotely(db, bridge, '   ')).toEqual({ status: 'skipped' })
    expect(queries).toEqual([])
  })

  it('returns the error as a value when offline, changing nothing', async () => {
    const { bridge } = fakeBridge(() => ({ ok: false, error: { kind: 'offline', message: 'No network' } }))
    expect(await searchRemotely(db, bridge, 'ann')).toEqual({ status: 'failed', error: { kind: 'offline', message: 'No network' } })
    expect(await db.contacts.count()).toBe(0)
  })

  it('drops the answer of a search the user replaced', async () => {
    const controller = new AbortController()
    const { bridge } = fakeBridge(() => {
      controller.abort()
      return page([{ id: 1, name: 'Late' }])
    })
    expect(await searchRemotely(db, bridge, 'la', controller.signal)).toEqual({ status: 'skipped' })
    expect(await db.contacts.count()).toBe(0)
  })
})
