// Taking queued intents back before they are sent (a bulk action, an import or a merge undone): their rows go, and the caller reverts their local effect in the same transaction.
import type { ContactsDb } from '../../db/database'
import { expandBatches } from './batch'
import { isBatch, type SingleRow } from './intent'
import { outboxEvents } from './outbox-events'
import { outboxStore } from './outbox-store'

export type WithdrawnRow = SingleRow & { seq: number }

/**
 * Drops the intents at `seqs` not sent yet (a sent one stays: undoing it takes an inverse intent) and
 * runs `revert` with their contacts and rows inside the same transaction, so the mirror never shows an
 * edit whose intent is gone. A withdrawn note's local copy goes with it. Returns those contacts. The outbox's
 * listeners hear of it (pending badges and counts), as they do of every other change to the queue.
 */
export async function withdrawUnsent(
  db: ContactsDb,
  seqs: number[],
  revert: (contactIds: ReadonlySet<number>, rows: readonly WithdrawnRow[]) => Promise<void>,
): Promise<Set<number>> {
  await expandBatches(db)
  const dropped = await db.transaction('rw', [db.contacts, db.outbox, db.notes, db.meta], async () => {
    const rows = await outboxStore(db).bulkGet(seqs)
    const unsent = rows.filter((row): row is WithdrawnRow => row !== undefined && !isBatch(row) && !row.sentAt)
    const dropped = new Set(unsent.map((row) => row.contactId))
    await outboxStore(db).bulkDelete(unsent.map((row) => row.seq))
    const notes = unsent.flatMap((row) => (row.kind === 'addNote' ? [row.noteId] : []))
    if (notes.length) await db.notes.bulkDelete(notes)
    await revert(dropped, unsent)
    return dropped
  })
  if (dropped.size > 0) outboxEvents(db).emit({ type: 'changed' })
  return dropped
}
