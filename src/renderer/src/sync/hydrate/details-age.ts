// When the details the mirror shows for a contact were read from the server: the drawer's "as of" offline.
import type { ContactsDb } from '../../db/database'
import { readFreshness } from '../../db/freshness'
import { readLastSyncedAt } from '../pull/last-synced'
import { listRowsFull } from '../pull/list-rows'

/**
 * Epoch ms of the last read of the contact's details: its own GET, or the last full pull when list
 * rows carry every field (whichever is later); null when they were never read.
 */
export async function detailsReadAt(db: ContactsDb, id: number): Promise<number | null> {
  const own = (await readFreshness(db, id)).details ?? null
  if (!(await listRowsFull(db))) return own
  const synced = await readLastSyncedAt(db)
  const pulled = synced === null ? null : Date.parse(synced)
  return own === null ? pulled : pulled === null ? own : Math.max(own, pulled)
}
