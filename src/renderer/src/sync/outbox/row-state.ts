// Replay-state writes for one contact's head intent: mark sent, schedule a retry, park it, or drop rows.
import type { ContactsDb } from '../../db/database'
import type { QueuedIntent } from './intent'
import { outboxStore } from './outbox-store'

/** A contact's rows in seq order (single rows only: batches are expanded before replay). */
export async function contactRows(db: ContactsDb, contactId: number): Promise<QueuedIntent[]> {
  const rows = await outboxStore(db).where('contactId').equals(contactId).toArray()
  return (rows as QueuedIntent[]).sort((a, b) => a.seq - b.seq)
}

/**
 * Writes the (possibly merged) head and drops the rows folded into it, in one transaction.
 * False when the user discarded the head meanwhile: the caller must then leave it alone.
 */
export async function saveHead(db: ContactsDb, row: QueuedIntent, absorbed: readonly number[]): Promise<boolean> {
  return db.transaction('rw', db.outbox, async () => {
    if (!(await outboxStore(db).get(row.seq))) return false
    await outboxStore(db).put(row)
    if (absorbed.length > 0) await outboxStore(db).bulkDelete([...absorbed])
    return true
  })
}
