// One signed-in account's local runtime: its mirror, its search worker, and the wire between them.
import { subscribeContactWrites } from '../db/contact-writes'
import { deleteAccountDatabase, openAccountDatabase, type ContactsDb } from '../db/database'
import { createSearchClient, type SearchClient, type SearchClientOptions } from '../search/search-client'

export interface Workspace {
  readonly accountId: string
  readonly db: ContactsDb
  readonly search: SearchClient
  /** Stops the worker and closes the mirror; `deleteData` then removes the account's database. */
  close(options?: { deleteData?: boolean }): Promise<void>
}

/** Opens an account's mirror and search; every committed contact write reaches the search index. */
export async function openWorkspace(accountId: string, options: Omit<SearchClientOptions, 'db'> = {}): Promise<Workspace> {
  const db = await openAccountDatabase(accountId)
  const search = createSearchClient(accountId, { ...options, db })
  const unsubscribe = subscribeContactWrites(db, (writes) => search.touched('all' in writes ? 'all' : writes.ids))
  let closed = false
  return {
    accountId,
    db,
    search,
    async close({ deleteData = false } = {}) {
      if (closed) return
      closed = true
      unsubscribe()
      // The worker must not be mid-open when the database goes, or its open would recreate it.
      if (deleteData) await search.ready.catch(() => {})
      search.close()
      db.close()
      if (deleteData) await deleteAccountDatabase(accountId)
    },
  }
}
