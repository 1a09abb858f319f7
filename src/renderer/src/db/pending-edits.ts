// What the outbox still holds, as the mirror's other writers need to know it (sign-out, pull deletes).
import type { ContactsDb } from './database'

/** True while any intent waits to reach the server: signing out would lose it. */
export async function hasPendingEdits(db: ContactsDb): Promise<boolean> {
  return (await db.outbox.count()) > 0
}

/** Contacts with queued intents: a pull must never delete them from the mirror. */
export async function pendingContactIds(db: ContactsDb): Promise<Set<number>> {
  const keys = await db.outbox.orderBy('contactId').uniqueKeys()
  return new Set(keys as number[])
}
