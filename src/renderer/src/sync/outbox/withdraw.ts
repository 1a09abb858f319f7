// Taking queued intents back before they are sent (a bulk action undone): their rows go, and the caller reverts their local effect in the same transaction.
import type { ContactsDb } from '../../db/database'
import { expandBatches } from './batch'
import { isBatch } from './intent'
import { outboxStore } from './outbox-store'

/**
 * Drops the intents at `seqs` not sent yet (a sent one stays: undoing it takes an inverse intent) and
 * runs `revert` with their contacts inside the same transaction, so the mirror never shows an edit whose
 * intent is gone. Returns those contacts.
 */
export async function withdrawUnsent(db: ContactsDb, seqs: number[], revert: (contactIds: ReadonlySet<number>) => Promise<void>): Promise<Set<number>> {
  await expandBatches(db)
  return db.transaction('rw', [db.contacts, db.outbox, db.meta], async () => {
    const rows = await outboxStore(db).bulkGet(seqs)
    const unsent = rows.filter((row) => row !== undefined && !isBatch(row) && !row.sentAt)
    const dropped = new Set(unsent.map((row) => row!.contactId))
    await outboxStore(db).bulkDelete(unsent.map((row) => row!.seq as number))
    await revert(dropped)
    return dropped
  })
}
