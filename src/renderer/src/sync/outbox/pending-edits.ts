// What the outbox still holds, as the mirror's other writers need to know it (sign-out, pull deletes).
import { BATCH_CONTACT_ID, isBatch } from './intent'
import { outboxStore } from './outbox-store'
import type { ContactsDb } from '../../db/database'

/** True while any intent waits to reach the server: signing out would lose it. */
export async function hasPendingEdits(db: ContactsDb): Promise<boolean> {
  return (await outboxStore(db).count()) > 0
}

/** Contacts with queued intents, bulk edits included: a pull must never delete them from the mirror. */
export async function pendingContactIds(db: ContactsDb): Promise<Set<number>> {
  const keys = (await outboxStore(db).orderBy('contactId').uniqueKeys()) as number[]
  const ids = new Set(keys.filter((key) => key !== BATCH_CONTACT_ID))
  if (keys.includes(BATCH_CONTACT_ID)) {
    for (const row of await outboxStore(db).where('contactId').equals(BATCH_CONTACT_ID).toArray()) {
      if (isBatch(row)) for (const intent of row.intents) ids.add(intent.contactId)
    }
  }
  return ids
}
