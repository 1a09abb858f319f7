import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { setBridge } from '../bridge'
import { fakeBridge, type CallLog } from '../fake-bridge'
import { PAGE_SIZE, SEARCH_DEBOUNCE_MS, useContactsStore } from './contacts'
import type { ContactPage, ContactQuery, ContactRow } from '../../../shared/contact'
import type { Result } from '../../../shared/result'

const row = (id: number, name = `Contact ${id}`): ContactRow => ({ id, name, type: 'whatsapp', blacklisted: false, tags: [] })

/** A server of `total` contacts answering pages of the requested size, filtered by name. */
function pagedServer(total: number) {
  const all = Array.from({ length: total }, (_, i) => row(i + 1, i === 0 ? 'Sarah Johnson' : `Contact ${i + 1}`))
  return async (query: ContactQuery): Promise<Result<ContactPage>> => {
    const matches = query.search ? all.filter((c) => c.name?.toLowerCase().includes(query.search!.toLowerCase())) : all
    const perPage = query.per_page ?? 15
    const page = query.page ?? 1
    return {
      ok: true,
      data: {
        data: matches.slice((page - 1) * perPage, page * perPage),
        meta: { current_page: page, last_page: Math.max(1, Math.ceil(matches.length / perPage)), per_page: perPage, total: matches.length },
      },
    }
  }
}

describe('contacts store', () => {
  let log: CallLog
  beforeEach(() => {
    setActivePinia(createPinia())
    log = []
  })
  afterEach(() => {
    setBridge(null)
    vi.useRealTimers()
  })

  it('reads the first page with the largest page size the API allows', async () => {
    setBridge(fakeBridge({ 'contacts.list': pagedServer(250) }, log))
    const contacts = useContactsStore()
    await contacts.open('acc-1')
    expect(log).toEqual([{ channel: 'contacts.list', args: { page: 1, per_page: PAGE_SIZE } }])
    expect(contacts.rows).toHaveLength(100)
    expect(contacts.total).toBe(250)
    expect(contacts.hasMore).toBe(true)
  })

  it('appends the next pages until the last one', async () => {
    setBridge(fakeBridge({ 'contacts.list': pagedServer(250) }))
    const contacts = useContactsStore()
    await contacts.open('acc-1')
    await contacts.loadMore()
    await contacts.loadMore()
    expect(contacts.rows.map((r) => r.id)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1))
    expect(contacts.hasMore).toBe(false)
  })

  it('never shows a contact twice when pages drift', async () => {
    const pages: Record<number, ContactRow[]> = { 1: [row(1), row(2)], 2: [row(2), row(3)] }
    setBridge(
      fakeBridge({
        'contacts.list': async ({ page = 1 }) => ({
          ok: true,
          data: { data: pages[page] ?? [], meta: { current_page: page, last_page: 2, per_page: 2, total: 3 } },
        }),
      }),
    )
    const contacts = useContactsStore()
    await contacts.open('acc-1')
    await contacts.loadMore()
    expect(contacts.rows.map((r) => r.id)).toEqual([1, 2, 3])
  })

  it('searches once the typing pauses, not on every keystroke', async () => {
    vi.useFakeTimers()
    setBridge(fakeBridge({ 'contacts.list': pagedServer(20) }, log))
    const contacts = useContactsStore()
    await contacts.open('acc-1')
    contacts.setSearch('s')
    contacts.setSearch('sa')
    contacts.setSearch('sarah')
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS - 1)
    expect(log).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(log.slice(1)).toEqual([{ channel: 'contacts.list', args: { page: 1, per_page: PAGE_SIZE, search: 'sarah' } }])
    expect(contacts.rows.map((r) => r.name)).toEqual(['Sarah Johnson'])
    expect(contacts.shownSearch).toBe('sarah')
  })

  it('drops the answer to an older query that arrives after a newer one', async () => {
    const answers: ((page: Result<ContactPage>) => void)[] = []
    setBridge(fakeBridge({ 'contacts.list': () => new Promise((resolve) => answers.push(resolve)) }))
    const contacts = useContactsStore()
    const first = contacts.open('acc-1')
    const second = contacts.reload()
    const meta = { current_page: 1, last_page: 1, per_page: 100, total: 1 }
    answers[1]!({ ok: true, data: { data: [row(2, 'New')], meta } })
    answers[0]!({ ok: true, data: { data: [row(1, 'Old')], meta } })
    await Promise.all([first, second])
    expect(contacts.rows.map((r) => r.name)).toEqual(['New'])
    expect(contacts.loading).toBeNull()
  })

  it('exposes a refusal and keeps the rows already shown', async () => {
    let refuse = false
    const server = pagedServer(3)
    setBridge(
      fakeBridge({
        'contacts.list': async (query) =>
          refuse ? { ok: false, error: { kind: 'offline', message: 'No connection to the server.' } } : server(query),
      }),
    )
    const contacts = useContactsStore()
    await contacts.open('acc-1')
    refuse = true
    await contacts.reload()
    expect(contacts.error).toEqual({ kind: 'offline', message: 'No connection to the server.' })
    expect(contacts.rows).toHaveLength(3)
  })

  it("forgets another account's rows and search when a different account opens", async () => {
    setBridge(fakeBridge({ 'contacts.list': pagedServer(3) }))
    const contacts = useContactsStore()
    await contacts.open('acc-1')
    contacts.setSearch('sarah')
    const opening = contacts.open('acc-2')
    expect(contacts.rows).toEqual([])
    expect(contacts.search).toBe('')
    await opening
    expect(contacts.rows).toHaveLength(3)
  })
})
