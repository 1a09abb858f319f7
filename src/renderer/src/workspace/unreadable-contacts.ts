// A contact whose stored record does not open (tampered on disk) is fetched again from SkyLight, never shown altered.
import type { SkylightBridge } from '../../../shared/contract'
import { getBridge } from '../bridge'
import { deleteRows } from '../db/contacts-repo'
import type { ContactsDb } from '../db/database'
import { subscribeUnreadable } from '../db/seal-middleware'
import { refreshContact } from '../sync/outbox'

type ContactsGet = Pick<SkylightBridge, 'contacts.get'>

/**
 * Hears the mirror's unreadable contact records and replaces each with SkyLight's copy (queued edits re-applied on
 * top, as any refresh). A contact SkyLight no longer has is removed. Offline, the record stays left out of every
 * read and the next read that meets it tries again. Temporary ids (created offline) have nothing to fetch.
 */
export function refetchUnreadableContacts(db: ContactsDb, bridge: () => ContactsGet | null = getBridge): () => void {
  const fetching = new Set<number>()
  let stopped = false
  const refetch = async (id: number) => {
    const api = bridge()
    if (!api) return
    const answer = await api['contacts.get']({ id }, { priority: 'hydrate' })
    if (stopped) return
    if (answer.ok) await refreshContact(db, answer.data)
    else if (answer.error.kind === 'not_found') await deleteRows(db, [id])
  }
  const unsubscribe = subscribeUnreadable(db, ({ table, key }) => {
    if (table !== 'contacts' || typeof key !== 'number' || key <= 0 || fetching.has(key)) return
    fetching.add(key)
    void refetch(key)
      .catch(() => {}) // closed meanwhile, or offline: the next read that meets the record tries again
      .finally(() => fetching.delete(key))
  })
  return () => {
    stopped = true
    unsubscribe()
  }
}
