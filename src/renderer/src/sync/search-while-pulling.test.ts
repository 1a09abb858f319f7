import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ContactQuery, ContactRow } from '../../../shared/contact'
import type { Result } from '../../../shared/result'
import type { DataOf } from '../../../shared/contract'
import { openAccountDatabase, type ContactsDb } from '../db/database'
import { recordSyncedAt } from './sync-state'
import { isFirstPullComplete, searchWhilePulling } from './search-while-pulling'
import type { ListBridge } from './page-fetcher'

let db: ContactsDb
beforeEach(async () => {
  db = await openAccountDatabase(`search-${randomUUID()}`)
})
afterEach(() => db.close())

function fakeBridge(answer: (query: ContactQuery) => Result<DataOf<'contacts.list'>>) {
  const queries: ContactQuery[] = []
  const bridge: ListBridge = {
    'contacts.list': async (query) => {
      queries.push(query)
      return answer(query)
    },
  }
  return { bridge, queries }
}

const page = (data: ContactRow[]): Result<DataOf<'contacts.list'>> => ({
  ok: true,
  data: { data, meta: { current_page: 1, last_page: 1, per_page: 50, total: data.length } },
})

describe('searchWhilePulling', () => {
  it('asks the API while the first pull is incomplete and merges the matches without erasing known fields', async () => {
    await db.contacts.put({ id: 4, name: 'Ann', email: 'ann@example.com' })
    const { bridge, queries } = fakeBridge(() => page([{ id: 4, name: 'Ann B.' }, { id: 8, name: 'Annika' }]))
    const outcome = await searchWhilePulling(db, bridge, '  ann ')
    expect(queries).toEqual([{ search: 'ann', page: 1, per_page: 50 }])
    expect(outcome).toEqual({
      status: 'merged',
      rows: [{ id: 4, name: 'Ann B.', email: 'ann@example.com' }, { id: 8, name: 'Annika' }],
    })
    expect(await db.contacts.get(8)).toEqual({ id: 8, name: 'Annika' })
  })

  it('does not ask once the first pull is complete, nor for a blank query', async () => {
    const { bridge, queries } = fakeBridge(() => page([]))
    expect(await searchWhilePulling(db, bridge, '   ')).toEqual({ status: 'skipped' })
    expect(await isFirstPullComplete(db)).toBe(false)
    await recordSyncedAt(db, new Date())
    expect(await isFirstPullComplete(db)).toBe(true)
    expect(await searchWhilePulling(db, bridge, 'ann')).toEqual({ status: 'skipped' })
    expect(queries).toEqual([])
  })

  it('returns the error as a value when offline, changing nothing', async () => {
    const { bridge } = fakeBridge(() => ({ ok: false, error: { kind: 'offline', message: 'No network' } }))
    expect(await searchWhilePulling(db, bridge, 'ann')).toEqual({ status: 'failed', error: { kind: 'offline', message: 'No network' } })
    expect(await db.contacts.count()).toBe(0)
  })

  it('drops the answer of a search the user replaced', async () => {
    const controller = new AbortController()
    const { bridge } = fakeBridge(() => {
      controller.abort()
      return page([{ id: 1, name: 'Late' }])
    })
    expect(await searchWhilePulling(db, bridge, 'la', controller.signal)).toEqual({ status: 'skipped' })
    expect(await db.contacts.count()).toBe(0)
  })
})
