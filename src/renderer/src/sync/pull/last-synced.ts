// When the mirror last finished a full pull: tells the UI how fresh it is and whether search must also ask the API.
import type { ContactsDb } from '../../db/database'

const LAST_SYNCED_AT = 'lastSyncedAt'

/** ISO time of the last pull that read every page, or null before the first one finishes. */
export async function readLastSyncedAt(db: ContactsDb): Promise<string | null> {
  const row = await db.meta.get(LAST_SYNCED_AT)
  return typeof row?.value === 'string' ? row.value : null
}

/** Joins the caller's transaction when one spans `meta`, so it lands with the pull's last writes. */
export async function recordSyncedAt(db: ContactsDb, at: Date): Promise<void> {
  await db.meta.put({ key: LAST_SYNCED_AT, value: at.toISOString() })
}

/** Until this is true the mirror may miss contacts, so online searches also ask the API. */
export async function isFirstPullComplete(db: ContactsDb): Promise<boolean> {
  return (await readLastSyncedAt(db)) !== null
}
