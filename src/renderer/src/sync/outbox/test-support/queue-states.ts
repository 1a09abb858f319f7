// For tests outside the outbox that need a queue state only the replayer reaches: rows sent, a create completed, a lost note found again.
import type { ContactsDb } from '../../../db/database'
import { expandBatches } from '../batch'
import type { SingleRow } from '../intent'
import { outboxStore } from '../outbox-store'

export { outboxStore } from '../outbox-store'
export { completeCreate, knownNoteIds } from '../mirror-writes'
export { findAddedNote } from '../server-lookup'

/** The replayer sent these contacts' intents (all of them when `ids` is absent): an undo can no longer drop them. */
export async function markSent(db: ContactsDb, ids?: readonly number[]): Promise<void> {
  await expandBatches(db)
  const rows = (await outboxStore(db).toArray()) as (SingleRow & { seq: number })[]
  for (const queued of rows) if (!ids || ids.includes(queued.contactId)) await outboxStore(db).put({ ...queued, sentAt: new Date().toISOString() })
}
