// Contacts the user opened or edited lately, latest first: hydration reads them before any other.
import type { ContactsDb } from './database'

const RECENT = 'hydrate.recent'
/** Enough to cover what a user opens and edits between two syncs; the oldest are forgotten first. */
const RECENT_KEPT = 200

export async function recentContacts(db: ContactsDb): Promise<number[]> {
  const value = (await db.meta.get(RECENT))?.value
  return Array.isArray(value) ? (value as number[]) : []
}

/**
 * Puts `ids` (in their order) first in the list; temporary ids (not on the server) are left out.
 * Joins the caller's transaction when one spans `meta`.
 */
export async function noteRecent(db: ContactsDb, ids: readonly number[]): Promise<void> {
  const fresh = [...new Set(ids.filter((id) => id > 0))].slice(0, RECENT_KEPT)
  if (fresh.length === 0) return
  await db.transaction('rw', db.meta, async () => {
    const kept = new Set(fresh)
    const older = (await recentContacts(db)).filter((id) => !kept.has(id))
    await db.meta.put({ key: RECENT, value: [...fresh, ...older].slice(0, RECENT_KEPT) })
  })
}
