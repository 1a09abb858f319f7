// One signed-in account's local runtime: its mirror, its search worker, and the wire between them.
import { watch } from 'vue'
import { subscribeContactWrites } from '../db/contact-writes'
import { deleteAccountDatabase, isFullySealed, openAccountDatabase, WrongDataKeyError, type ContactsDb } from '../db/database'
import { mirrorKey } from '../db/mirror-keys'
import { subscribeNoteWrites } from '../db/note-writes'
import { sealPlainRecords } from '../db/seal-migration'
import { subscribeUnreadable, type UnreadableRecord } from '../db/seal-middleware'
import { currentLocale } from '../i18n'
import { createSearchClient, type SearchClient, type SearchClientOptions } from '../search/search-client'
import { refetchUnreadableContacts } from './unreadable-contacts'

export interface Workspace {
  readonly accountId: string
  readonly db: ContactsDb
  readonly search: SearchClient
  /**
   * Set when the mirror could not be opened with the account's data key (the keychain was reset) and was
   * discarded to be pulled again: how many queued edits it held, which are lost and must be reported.
   */
  readonly discarded: { queuedEdits: number } | null
  /**
   * Work on this mirror that must end before it closes (the account's sync): close() awaits `stop` first, so no
   * pull, replay or hydration step meets a closed database or a stopped search. Returns the unregistration.
   */
  onClosing(stop: () => Promise<void>): () => void
  /** Stops what runs on the mirror, the worker, then closes the mirror; `deleteData` then removes the account's database. */
  close(options?: { deleteData?: boolean }): Promise<void>
}

export type WorkspaceOpenOptions = Omit<SearchClientOptions, 'db' | 'locale'> & {
  /** A stored record other than a contact did not open (tampered): reported, never shown. */
  onUnreadable?: (record: UnreadableRecord) => void
}

/**
 * Opens `accountId`'s mirror with the data key this page holds for it (mirror-keys.ts). A mirror the key cannot open
 * is deleted and opened empty, so the next pull fills it again. A copy written in clear is sealed in the background.
 */
async function openMirror(accountId: string): Promise<{ db: ContactsDb; discarded: Workspace['discarded'] }> {
  try {
    return { db: await openAccountDatabase(accountId), discarded: null }
  } catch (error) {
    if (!(error instanceof WrongDataKeyError)) throw error
    await deleteAccountDatabase(accountId)
    return { db: await openAccountDatabase(accountId), discarded: { queuedEdits: error.queuedEdits } }
  }
}

/**
 * Opens an account's mirror and search; every committed contact and note write reaches the search index, and
 * names are ordered as the page's language does, now and after it changes.
 */
export async function openWorkspace(accountId: string, options: WorkspaceOpenOptions = {}): Promise<Workspace> {
  const { onUnreadable, ...searchOptions } = options
  const { db, discarded } = await openMirror(accountId)
  // A copy just discarded is empty: sealed at once, so its check record is there before anything is written to it.
  if (discarded) await sealPlainRecords(db)
  const search = createSearchClient(accountId, { ...searchOptions, db, locale: currentLocale.value })
  let closed = false
  // After search is ready, so the launch does not wait for it; stopped by close() (the next batch finds the mirror
  // closed), and the next open resumes it.
  const sealing =
    mirrorKey(accountId) && !isFullySealed(db)
      ? search.ready.catch(() => {}).then(() => (closed ? undefined : sealPlainRecords(db))).catch(() => {})
      : Promise.resolve()
  const unsubscribeWrites = subscribeContactWrites(db, (writes) => search.touched('all' in writes ? 'all' : writes.ids))
  const unsubscribeNotes = subscribeNoteWrites(db, (writes) => search.notesTouched('all' in writes ? 'all' : writes.contactIds))
  const stopRefetch = refetchUnreadableContacts(db)
  const unsubscribeUnreadable = subscribeUnreadable(db, (record) => {
    if (record.table !== 'contacts') onUnreadable?.(record)
  })
  const stopLocale = watch(currentLocale, (locale) => search.setLocale(locale))
  const unsubscribe = () => {
    unsubscribeWrites()
    unsubscribeNotes()
    stopRefetch()
    unsubscribeUnreadable()
    stopLocale()
  }
  const closing = new Set<() => Promise<void>>()
  return {
    accountId,
    db,
    search,
    discarded,
    onClosing(stop) {
      closing.add(stop)
      return () => void closing.delete(stop)
    },
    async close({ deleteData = false } = {}) {
      if (closed) return
      closed = true
      // One user's failing stop must not keep the mirror open, nor its data on disk after a sign-out.
      await Promise.allSettled([...closing].map((stop) => stop()))
      unsubscribe()
      // The worker must not be mid-open when the database goes, or its open would recreate it.
      if (deleteData) await search.ready.catch(() => {})
      search.close()
      db.close()
      await sealing
      if (deleteData) await deleteAccountDatabase(accountId)
    },
  }
}
