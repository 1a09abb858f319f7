// One signed-in account's local runtime: its mirror, its search worker, and the wire between them.
import { watch } from 'vue'
import { subscribeContactWrites } from '../db/contact-writes'
import { deleteAccountDatabase, openAccountDatabase, type ContactsDb } from '../db/database'
import { subscribeNoteWrites } from '../db/note-writes'
import { currentLocale } from '../i18n'
import { createSearchClient, type SearchClient, type SearchClientOptions } from '../search/search-client'

export interface Workspace {
  readonly accountId: string
  readonly db: ContactsDb
  readonly search: SearchClient
  /** Stops the worker and closes the mirror; `deleteData` then removes the account's database. */
  close(options?: { deleteData?: boolean }): Promise<void>
}

/**
 * Opens an account's mirror and search; every committed contact and note write reaches the search index, and
 * names are ordered as the page's language does, now and after it changes.
 */
export async function openWorkspace(accountId: string, options: Omit<SearchClientOptions, 'db' | 'locale'> = {}): Promise<Workspace> {
  const db = await openAccountDatabase(accountId)
  const search = createSearchClient(accountId, { ...options, db, locale: currentLocale.value })
  const unsubscribeWrites = subscribeContactWrites(db, (writes) => search.touched('all' in writes ? 'all' : writes.ids))
  const unsubscribeNotes = subscribeNoteWrites(db, (writes) => search.notesTouched('all' in writes ? 'all' : writes.contactIds))
  const stopLocale = watch(currentLocale, (locale) => search.setLocale(locale))
  const unsubscribe = () => {
    unsubscribeWrites()
    unsubscribeNotes()
    stopLocale()
  }
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
