// When each part of a contact (its details, its notes) was last read from the server: what hydration walks and the drawer's "as of".
import type { ContactsDb, FreshnessRow } from './database'

export type FreshPart = 'details' | 'notes'

/**
 * Records that `part` of each contact in `ids` was read at `at` (epoch ms). Joins the caller's
 * transaction when one spans `freshness`, so the stamp lands with the data it describes.
 */
export async function markRead(db: ContactsDb, ids: readonly number[], part: FreshPart, at: number): Promise<void> {
  if (ids.length === 0) return
  await db.transaction('rw', db.freshness, async () => {
    const stored = await db.freshness.bulkGet([...ids])
    await db.freshness.bulkPut(ids.map((id, i): FreshnessRow => ({ ...stored[i], id, [part]: at })))
  })
}

/** What the mirror knows of one contact's freshness (nothing read yet: only its id). */
export async function readFreshness(db: ContactsDb, id: number): Promise<FreshnessRow> {
  return (await db.freshness.get(id)) ?? { id }
}

/** Forgets the stamps of contacts that left the mirror. Joins the caller's transaction when one spans `freshness`. */
export async function forgetFreshness(db: ContactsDb, ids: readonly number[]): Promise<void> {
  if (ids.length > 0) await db.freshness.bulkDelete([...ids])
}
