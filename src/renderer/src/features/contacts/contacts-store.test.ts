import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ContactRow } from '../../../../shared/contact'
import { setBridge } from '../../bridge'
import { mergeRows } from '../../db/contacts-repo'
import { InProcessWorker } from '../../search/test-support/in-process-worker'
import { fakeBridge, type CallLog } from '../../test-support/fake-bridge'
import { outboxEvents } from '../../sync/outbox'
import { recordSyncedAt } from '../../sync/pull/last-synced'
import { openWorkspace, type Workspace } from '../../workspace/workspace'
import { REMOTE_SEARCH_DEBOUNCE_MS, useContactsStore } from './contacts-store'
import { useSelectionStore } from './selection-store'
import { useSyncStore } from '../pending'
import { aContact } from '../../../../shared/test-support/contact-fixture'
import { setAppLocale } from '../../i18n'
import { SearchStopped } from '../../search/search-stopped'

const person = (id: number, name: string, extra: Partial<ContactRow> = {}): ContactRow => ({
  id,
  name,
  type: 'whatsapp',
  blacklisted: false,
  tags: [],
  ...extra,
})

const people = [
  person(1, 'José Álvarez', { tags: ['vip'] }),
  person(2, 'Zoë Brandt', { type: 'telegram' }),
  person(3, 'Sarah Johnson', { blacklisted: true }),
  ...Array.from({ length: 250 }, (_, i) => person(100 + i, `Walker ${String(i).padStart(3, '0')}`)),
]

let workspace: Workspace
let log: CallLog
beforeEach(async () => {
  setActivePinia(createPinia())
  log = []
  workspace = await openWorkspace(`contacts-${randomUUID()}`, { worker: InProcessWorker.factory({ open: true }) })
  await mergeRows(workspace.db, people)
})
afterEach(async () => {
  setBridge(null)
  await workspace.close()
})

const names = (store: ReturnType<typeof useContactsStore>, count: number) =>
  Array.from({ length: count }, (_, i) => store.rowAt(i)?.name)

async function attached() {
  const store = useContactsStore()
  store.attach(workspace)
  store.show(0, 30)
  await workspace.search.ready
  await vi.waitFor(() => expect(store.ready).toBe(true))
  return store
}

describe('contacts store', () => {
  it('shows ranked rows from the search index with the match count', async () => {
    const store = await attached()
    expect(store.total).toBe(253)
    store.setText('jose')
    await vi.waitFor(() => expect(store.total).toBe(1))
    expect(names(store, 1)).toEqual(['José Álvarez'])
    store.setText('walker 00')
    await vi.waitFor(() => expect(store.total).toBe(10))
  })

  it('combines filters with the text, and clears both at once', async () => {
    const store = await attached()
    store.setFilter('type', 'telegram')
    await vi.waitFor(() => expect(names(store, 2)).toEqual(['Zoë Brandt', undefined]))
    store.setFilter('type', undefined)
    store.setFilter('blacklisted', true)
    await vi.waitFor(() => expect(store.rowAt(0)?.name).toBe('Sarah Johnson'))
    expect(store.total).toBe(1)
    store.setText('#vip')
    await vi.waitFor(() => expect(store.total).toBe(0))
    expect(store.hasQuery).toBe(true)
    store.clearQuery()
    await vi.waitFor(() => expect(store.total).toBe(253))
    expect(store.hasQuery).toBe(false)
  })

  it('re-reads what it shows when the mirror changes underneath', async () => {
    const store = await attached()
    store.setText('zoe')
    await vi.waitFor(() => expect(store.total).toBe(1))
    await workspace.db.contacts.update(2, { name: 'Zoe Brandt-Okafor' })
    await vi.waitFor(() => expect(store.rowAt(0)?.name).toBe('Zoe Brandt-Okafor'))
    await workspace.db.contacts.delete(2)
    await vi.waitFor(() => expect(store.total).toBe(0))
  })

  it('still re-reads after the workspace was swapped while a re-read was due (the offline copy deleted mid-sync)', async () => {
    const store = await attached()
    // A change whose re-read is still waiting when the account's copy is swapped for a fresh one.
    await workspace.db.contacts.update(2, { name: 'Zoe Brandt-Okafor' })
    const fresh = await openWorkspace(`contacts-${randomUUID()}`, { worker: InProcessWorker.factory({ open: true }) })
    try {
      store.attach(fresh)
      store.show(0, 30)
      await fresh.search.ready
      await vi.waitFor(() => expect(store.ready).toBe(true))
      expect(store.total).toBe(0)
      await mergeRows(fresh.db, people.slice(0, 3))
      await vi.waitFor(() => expect(store.total).toBe(3))
    } finally {
      store.attach(null)
      await fresh.close()
    }
  })

  it('also asks the server while the first pull is incomplete, and shows what it found', async () => {
    setBridge(
      fakeBridge(
        {
          'contacts.list': async () => ({
            ok: true,
            data: { data: [person(9000, 'Quentin Remote')], meta: { current_page: 1, last_page: 1, per_page: 50, total: 1 } },
          }),
        },
        log,
      ),
    )
    const store = await attached()
    store.setText('quentin')
    await vi.waitFor(() => expect(store.rowAt(0)?.name).toBe('Quentin Remote'), { timeout: 3000 })
    expect(log).toEqual([{ channel: 'contacts.list', args: { search: 'quentin', page: 1, per_page: 50 } }])
    expect(store.remoteSearching).toBe(false)
  })

  it('after the first pull, asks the server only for a query aimed at an email, and finds the emails it learns', async () => {
    await recordSyncedAt(workspace.db, new Date())
    const quentin = aContact({ id: 9000, name: 'Quentin Remote', type: 'whatsapp', email: 'quentin@remote-corp.com' })
    setBridge(
      fakeBridge(
        {
          // A list row, as the reference shows it: no email.
          'contacts.list': async () => ({
            ok: true,
            data: { data: [person(9000, 'Quentin Remote')], meta: { current_page: 1, last_page: 1, per_page: 50, total: 1 } },
          }),
          'contacts.get': async () => ({ ok: true, data: quentin }),
        },
        log,
      ),
    )
    const store = await attached()
    store.setText('walker')
    await new Promise((resolve) => setTimeout(resolve, REMOTE_SEARCH_DEBOUNCE_MS + 50))
    expect(log).toEqual([])
    store.setText('remote-corp.com')
    await vi.waitFor(() => expect(store.rowAt(0)?.email).toBe('quentin@remote-corp.com'), { timeout: 3000 })
    expect(log).toEqual([
      { channel: 'contacts.list', args: { search: 'remote-corp.com', page: 1, per_page: 50 } },
      { channel: 'contacts.get', args: { id: 9000 } },
    ])
  })

  it('does not ask the server while it is known to be unreachable', async () => {
    setBridge(fakeBridge({}, log))
    useSyncStore().reachability = 'offline'
    const store = await attached()
    store.setText('quentin')
    await new Promise((resolve) => setTimeout(resolve, REMOTE_SEARCH_DEBOUNCE_MS + 50))
    expect(log).toEqual([])
    expect(store.remoteSearching).toBe(false)
  })

  it('keeps the opened contact across its temporary id becoming a server id', async () => {
    const store = await attached()
    store.open(-3)
    outboxEvents(workspace.db).emit({ type: 'idChanged', from: -3, to: 4242 })
    expect(store.openId).toBe(4242)
  })

  it('keeps the selected contacts across a temporary id becoming a server id', async () => {
    await attached()
    const selection = useSelectionStore()
    selection.selectAll([-3, 2])
    outboxEvents(workspace.db).emit({ type: 'idChanged', from: -3, to: 4242 })
    expect([...selection.ids].sort((a, b) => a - b)).toEqual([2, 4242])
  })

  it('clamps the focus to the matches and forgets everything on detach', async () => {
    const store = await attached()
    store.focus(500)
    expect(store.focusIndex).toBe(252)
    store.setText('sarah')
    await vi.waitFor(() => expect(store.total).toBe(1))
    expect(store.focusIndex).toBe(0)
    store.attach(null)
    expect([store.total, store.loaded, store.rowAt(0)]).toEqual([0, false, undefined])
  })

  it('says why search stopped in the current language, the reason worded when shown', async () => {
    const stop = new SearchStopped({ code: 'workerFailed', detail: 'out of memory' })
    const search = { ready: Promise.resolve(), onIndexChanged: () => () => {}, query: () => Promise.reject(stop) } as unknown as Workspace['search']
    const store = useContactsStore()
    store.attach({ ...workspace, search })
    store.show(0, 30)
    await vi.waitFor(() => expect(store.error).toBe('Search stopped working: The search worker failed: out of memory'))
    try {
      await setAppLocale('de')
      expect(store.error).toBe('Die Suche funktioniert nicht mehr: Die Suche ist ausgefallen: out of memory')
    } finally {
      await setAppLocale('en')
    }
  })
  it('keeps saying search could not start while the preview rows still arrive', async () => {
    const stop = new SearchStopped({ code: 'workerFailed', detail: 'out of memory' })
    const preview = { rows: [{ id: 1, name: 'Ana', type: 'whatsapp' }], total: 1, ready: false }
    const search = { ready: Promise.reject(stop), onIndexChanged: () => () => {}, query: () => Promise.resolve(preview) } as unknown as Workspace['search']
    const store = useContactsStore()
    store.attach({ ...workspace, search })
    store.show(0, 30)
    await vi.waitFor(() => expect(store.error).toMatch(/^Search could not start/))
    // Rows the preview reads later (a scroll, a typed letter) do not make the failure go away.
    store.setText('an')
    await vi.waitFor(() => expect(store.total).toBe(1))
    store.show(0, 30)
    await vi.waitFor(() => expect(store.loaded).toBe(true))
    expect(store.error).toMatch(/^Search could not start/)
  })
})
